import Domain
import Foundation
import Persistence
import Vapor

/// `/cases/{id}/test-sessions/{session}`: a test session's protocol. While the session is open it is written
/// from what has arrived so far and the page reloads itself (`<meta http-equiv="refresh">`, no JavaScript); once closed it
/// is the frozen protocol exactly as stored and hashed, laid out to be printed.
enum TestSessionController {
    /// How often an open session's page reloads itself.
    static let refreshSeconds = 5
    /// An open session's page lists its newest messages; the frozen protocol lists every one.
    static let liveMessageLimit = 200

    static func show(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let (record, roles) = try await CaseAccess.visibleCase(try req.caseIDParameter(), to: principal, on: req.store)
        let session = try await TestSessionStore.session(try req.uuidParameter("session"), of: record.id, on: req.store)
        let testProtocol: TestProtocol
        if session.closedAt != nil {
            guard let frozen = try await TestSessionStore.frozenProtocol(of: session.id, on: req.store) else { throw CaseNotFound() }
            testProtocol = try JSONDecoder().decode(TestProtocol.self, from: Data(frozen.json.utf8))
        } else {
            guard let account = try await SystemAccountStore.account(session.accountID, on: req.store),
                  let profile = try req.application.hl7Profiles().first(where: {
                      $0.id == session.profileID && $0.version == session.profileVersion
                  })
            else { throw CaseNotFound() }
            let dicomProfile = try session.dicomProfile.flatMap { pinned in
                try req.application.dicomProfiles().first { $0.id == pinned.id && $0.version == pinned.version }
            }
            testProtocol = TestProtocol(
                session: session, closedAt: req.application.config.clock.now(),
                messages: try await TestSessionStore.messages(of: session.id, on: req.store), profile: profile,
                account: account, caseNumber: record.number, platform: record.platform,
                system: record.fields["system_name"] ?? "",
                objects: try await TestSessionStore.objects(of: session.id, on: req.store), dicomProfile: dicomProfile)
        }
        let model = TestSessionPage.Model(
            context: req.pageContext, caseID: record.id, sessionID: session.id, open: session.closedAt == nil,
            mayClose: session.closedAt == nil && SystemAccountRules.closeRefusal(holding: roles) == nil,
            protocolHash: session.closedAt == nil ? nil : testProtocol.contentHash, testProtocol: testProtocol,
            messageLimit: session.closedAt == nil ? liveMessageLimit : nil,
            refreshSeconds: session.closedAt == nil ? refreshSeconds : nil)
        return model.html.response()
    }
}
