import Domain
import Foundation

/// `/cases/{id}/test-sessions/{session}`: a test session's protocol, live while the session is open, frozen and
/// printable once it is closed.
enum TestSessionPage {
    struct Model: Sendable {
        let context: PageContext
        let caseID: UUID
        let sessionID: UUID
        let open: Bool
        let mayClose: Bool
        /// The frozen protocol's hash, as the audit trail keeps it; nil while the session is open.
        let protocolHash: String?
        let testProtocol: TestProtocol
        /// How many of the newest messages are listed; nil lists every one (the frozen protocol).
        let messageLimit: Int?
        /// Seconds until the page reloads itself; nil once the session is closed.
        let refreshSeconds: Int?
    }
}
