import Domain
import Foundation
import Testing

@Suite("Who may see and change the prioritisation")
struct PrioritisationRulesTests {
    static func principal(_ grants: [RoleGrant], organisation: UUID? = nil) -> Principal {
        Principal(userID: UUID(), email: "x@example.se", organisationID: organisation, grants: Set(grants))
    }

    @Test("coordinators assess while a case waits, on hold or returned; no one else, never after it started")
    func assess() {
        #expect(PrioritisationRules.mayAssess(roles: [.coordinator], status: .triage))
        #expect(PrioritisationRules.mayAssess(roles: [.coordinator], status: .onHold))
        #expect(!PrioritisationRules.mayAssess(roles: [.coordinator], status: .inProgress))
        #expect(!PrioritisationRules.mayAssess(roles: [.decisionMaker, .applicant], status: .queued))
        #expect(PrioritisationRules.seesAssessmentDetails(roles: [.securityReviewer]))
        #expect(!PrioritisationRules.seesAssessmentDetails(roles: [.applicant]))
    }

    @Test("the whole queue is its platform's staff's and admins'; the capacity its coordinators' and admins'")
    func queue() {
        let coordinator = Self.principal([RoleGrant(role: .coordinator, platform: "BFR")])
        let technician = Self.principal([RoleGrant(role: .technician, platform: "BFR")])
        let admin = Self.principal([RoleGrant(role: .admin)])
        let applicant = Self.principal([RoleGrant(role: .applicant)], organisation: UUID())
        #expect(PrioritisationRules.seesWholeQueue(technician, of: "BFR") && !PrioritisationRules.seesWholeQueue(technician, of: "TAKECARE"))
        #expect(PrioritisationRules.seesWholeQueue(admin, of: "TAKECARE") && !PrioritisationRules.seesWholeQueue(applicant, of: "BFR"))
        #expect(PrioritisationRules.mayChangeCapacity(coordinator, of: "BFR") && !PrioritisationRules.mayChangeCapacity(coordinator, of: "TAKECARE"))
        #expect(!PrioritisationRules.mayChangeCapacity(technician, of: "BFR") && PrioritisationRules.mayChangeCapacity(admin, of: "BFR"))
    }
}
