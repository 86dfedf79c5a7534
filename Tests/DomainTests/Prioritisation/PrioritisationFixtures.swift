import Domain
import Foundation

/// A matrix shaped like TakeCare's, with a weight on patient safety so that weights are exercised.
enum PrioritisationFixtures {
    static func matrix(placeStatuses: [CaseStatus] = [.inProgress, .onHold, .returnedForCompletion]) -> AssessmentMatrix {
        func text(_ s: String) -> LocalizedText { LocalizedText(sv: s, en: s) }
        return AssessmentMatrix(
            id: "test-matrix", platform: "TEST", version: 1, title: text("Testmatris"),
            criteria: [
                .init(id: "lagkrav", title: text("Lagkrav"), values: [0, 4], proposalField: "proposal_legal"),
                .init(id: "patientsakerhet", title: text("Patientsäkerhet"), values: [0, 1, 2, 3, 4], weight: 2),
                .init(id: "nytta", title: text("Verksamhetsnytta"), values: [0, 1, 2, 3, 4]),
            ],
            size: .init(field: "provider_size", classes: [
                .init(id: "liten", title: text("liten"), minEmployees: 0, points: 1),
                .init(id: "medel", title: text("medel"), minEmployees: 50, points: 2),
                .init(id: "stor", title: text("stor"), minEmployees: 250, points: 4),
            ]),
            notes: [.init(id: "ekonomi", title: text("Ekonomi"))],
            placeStatuses: placeStatuses)
    }

    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A case submitted `minute` minutes after `start`.
    static func entry(
        _ number: Int, _ status: CaseStatus, total: Int?, minute: Int = 0, resume: CaseStatus? = nil,
        organisation: UUID = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!, skip: String? = nil
    ) -> QueueEntry {
        QueueEntry(
            caseID: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!, number: "T-\(number)",
            organisationID: organisation, status: status, resumeStatus: resume,
            submittedAt: start + TimeInterval(minute * 60), total: total, skipReason: skip)
    }
}
