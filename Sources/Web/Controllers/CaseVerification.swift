import Domain
import Foundation
import Persistence
import ProcessFiles
import Vapor

/// The case page's verification part: the accounts with the changes the viewer may make, the register form for
/// technicians while the phase takes traffic, and the sessions with the profile's test cases met.
enum CaseVerification {
    static func model(
        _ record: CaseRecord, sessions: [TestSession], roles: Set<Role>, phaseTakesTraffic: Bool, req: Request
    ) async throws -> CaseShow.Verification? {
        let l = req.pageLanguage
        let accounts = try await SystemAccountStore.accounts(of: record.id, on: req.store)
        guard phaseTakesTraffic || !accounts.isEmpty else { return nil }
        let manages = SystemAccountRules.refusal(
            holding: roles, registering: false, status: record.state.status, phaseTakesTraffic: true) == nil
        let profiles = sessions.isEmpty ? [] : (try? req.application.hl7Profiles()) ?? []
        var sessionModels: [CaseShow.Verification.Session] = []
        for session in sessions {
            let messages = try await TestSessionStore.messages(of: session.id, on: req.store)
            let account = accounts.first { $0.id == session.accountID }
            let profile = profiles.first { $0.id == session.profileID && $0.version == session.profileVersion }
            let counts = AcknowledgementCode.allCases.map { code in
                "\(messages.filter { $0.acknowledgement == code }.count) \(code.rawValue)"
            }
            let frozen = session.closedAt == nil ? nil : try await TestSessionStore.frozenProtocol(of: session.id, on: req.store)
            let verdict = frozen.flatMap { try? JSONDecoder().decode(TestProtocol.self, from: Data($0.json.utf8)) }?.verdict
            sessionModels.append(.init(
                id: session.id,
                closed: session.closedAt.map { closed in
                    l("stängd ", "closed ") + PageTime.formatWithZone(closed) + ", "
                        + (verdict == .passed ? l("alla testfall uppfyllda", "every test case met")
                                              : l("inte alla testfall uppfyllda", "not every test case met"))
                },
                protocolHash: frozen?.hash,
                mayClose: session.closedAt == nil && SystemAccountRules.closeRefusal(holding: roles) == nil,
                opened: PageTime.formatWithZone(session.openedAt),
                sender: account?.senderDescription ?? "–",
                profile: "\(session.profileID)@\(session.profileVersion)", messages: session.messageCount,
                acknowledgements: counts.joined(separator: ", "),
                testCases: (profile?.testCases ?? []).map { testCase in
                    (testCase.title.text(in: l),
                     messages.contains { testCase.isMet(by: $0.summary, acknowledgement: $0.acknowledgement) })
                },
                head: session.headHash))
        }
        return CaseShow.Verification(
            accounts: accounts.map { account in
                let changes: [(SystemAccount.Status, String)] = [
                    (.paused, l("Pausa", "Pause")), (.active, l("Återuppta", "Resume")), (.revoked, l("Återkalla", "Revoke")),
                ]
                return .init(
                    id: account.id,
                    hl7Sender: account.hl7Sender,
                    aeTitles: account.dicomAETitles,
                    mayChangeAETitles: manages && SystemAccountRules.aeTitlesRefusal(status: account.status) == nil,
                    addresses: account.sourceAddresses.isEmpty ? l("alla", "any") : account.sourceAddresses.joined(separator: ", "),
                    status: account.status.title.text(in: l), version: account.version,
                    changes: manages
                        ? changes.filter { SystemAccountRules.mayChange(from: account.status, to: $0.0) }.map { ($0.0.rawValue, $0.1) }
                        : [])
            },
            mayRegister: manages && phaseTakesTraffic && record.state.status == .inProgress,
            sessions: sessionModels)
    }
}
