import Domain
import FluentKit
import SQLKit
import Foundation

/// Test sessions and the messages received in them. Messages and their session's new head are written in the
/// caller's write transaction, which commits before their ACKs go out.
public enum TestSessionStore {
    /// The account's open session, if it has one.
    public static func openSession(of accountID: UUID, on store: Store) async throws -> TestSession? {
        try await TestSessionModel.query(on: store.database).filter(\.$accountID == accountID)
            .filter(\.$closedAt == nil).first().map(session)
    }

    public static func insert(_ session: TestSession, in tx: WriteTransaction) async throws {
        let model = TestSessionModel()
        model.id = session.id
        model.accountID = session.accountID
        model.caseID = session.caseID
        model.profileID = session.profileID
        model.profileVersion = session.profileVersion
        model.profileHash = session.profileHash
        model.openedAt = session.openedAt
        model.closedAt = session.closedAt
        model.headHash = session.headHash
        model.messageCount = session.messageCount
        model.dicomProfileID = session.dicomProfile?.id
        model.dicomProfileVersion = session.dicomProfile?.version
        model.dicomProfileHash = session.dicomProfile?.contentHash
        try await model.create(on: tx.database)
    }

    /// Appends a DICOM object to the session (whose `messageCount` and `headHash` the caller has advanced to it,
    /// and whose DICOM profile it has set).
    public static func append(_ object: ReceivedDICOMObject, to session: TestSession, in tx: WriteTransaction) async throws {
        let json = try ObjectJSON(summary: object.summary, findings: object.findings)
        let model = TestObjectModel()
        model.sessionID = session.id
        model.sequence = object.sequence
        model.receivedAt = object.receivedAt
        model.sha256 = object.sha256
        model.size = Int64(object.summary.size)
        model.summary = json.summary
        model.findings = json.findings
        model.status = object.status
        model.hash = object.hash
        try await model.create(on: tx.database)
        try await TestSessionModel.query(on: tx.database).filter(\.$id == session.id)
            .set(\.$headHash, to: session.headHash).set(\.$messageCount, to: session.messageCount)
            .set(\.$dicomProfileID, to: session.dicomProfile?.id)
            .set(\.$dicomProfileVersion, to: session.dicomProfile?.version)
            .set(\.$dicomProfileHash, to: session.dicomProfile?.contentHash).update()
    }

    /// The session's DICOM objects in the order received.
    public static func objects(of sessionID: UUID, on store: Store) async throws -> [ReceivedDICOMObject] {
        try await TestObjectModel.query(on: store.database).filter(\.$sessionID == sessionID).sort(\.$sequence).all()
            .map { model in
                ReceivedDICOMObject(
                    sequence: model.sequence, receivedAt: model.receivedAt, sha256: model.sha256,
                    summary: try JSONDecoder().decode(DICOMObjectSummary.self, from: Data(model.summary.utf8)),
                    findings: try JSONDecoder().decode([VerificationFinding].self, from: Data(model.findings.utf8)),
                    status: model.status, hash: model.hash)
            }
    }

    /// The ACKs sent for the messages among `controlIDs` that the session has received: a repeated message is
    /// stored once and answered the same.
    public static func acknowledgements(
        ofControlIDs controlIDs: Set<String>, in sessionID: UUID, on store: Store
    ) async throws -> [String: [UInt8]] {
        guard !controlIDs.isEmpty else { return [:] }
        // Not sorted in SQL: ORDER BY sequence made SQLite walk the session's messages in sequence order instead
        // of using the (session_id, control_id) index, a scan of the whole session for every batch (BENCHMARKS.md).
        // SQL of its own rather than Fluent's query, whose model reflection cost more than SQLite's lookup.
        let ids: [any Encodable & Sendable] = Array(controlIDs)
        let rows = try await store.database.sql.raw("""
            SELECT control_id, sequence, ack FROM test_messages
            WHERE session_id = \(bind: sessionID) AND control_id IN (\(binds: ids))
            """).all()
        var first: [String: (sequence: Int, ack: [UInt8])] = [:]
        for row in rows {
            let controlID = try row.decode(column: "control_id", as: String.self)
            let sequence = try row.decode(column: "sequence", as: Int.self)
            if first[controlID].map({ sequence < $0.sequence }) ?? true {
                first[controlID] = (sequence, [UInt8](try row.decode(column: "ack", as: Data.self)))
            }
        }
        return first.mapValues(\.ack)
    }

    /// A received message as it is stored: the summary and findings, its bytes and the ACK sent.
    public struct Arrival: Sendable {
        public let message: ReceivedMessage
        /// `message`'s summary and findings as stored.
        public let json: MessageJSON
        public let raw: [UInt8]
        public let ack: [UInt8]

        public init(message: ReceivedMessage, json: MessageJSON, raw: [UInt8], ack: [UInt8]) {
            self.message = message
            self.json = json
            self.raw = raw
            self.ack = ack
        }
    }

    /// A message's summary and findings as the JSON `messages(of:)` reads back (`StoredMessageJSON`). Written where
    /// the message is checked, by the connection's own task, rather than in the batch's transaction: every sender
    /// waits on that one write.
    public struct MessageJSON: Sendable {
        public let summary: String
        public let findings: String

        public init(summary: HL7MessageSummary, findings: [VerificationFinding]) {
            self.summary = String(decoding: StoredMessageJSON.summary(summary), as: UTF8.self)
            self.findings = String(decoding: StoredMessageJSON.findings(findings), as: UTF8.self)
        }
    }

    /// Appends `arrivals` to the session (whose `messageCount` and `headHash` the caller has advanced past the last)
    /// with one statement for the messages and one for the session. Plain SQL with binds, not Fluent models: the
    /// models' reflection (`Fields.properties`, a Mirror per property) and SQLKit's quoting of every identifier
    /// were most of the CPU time of a stored batch (BENCHMARKS.md, MLLP end to end).
    public static func append(_ arrivals: [Arrival], to session: TestSession, in tx: WriteTransaction) async throws {
        guard !arrivals.isEmpty else { return }
        let sql = tx.database.sql
        try await sql.raw("""
            INSERT INTO test_messages (id, session_id, sequence, received_at, sha256, raw, summary, findings, ack, \
            ack_code, control_id, hash) VALUES \(messageRows(arrivals, in: session))
            """).run()
        try await sql.raw("""
            UPDATE test_sessions SET head_hash = \(bind: session.headHash), message_count = \(bind: session.messageCount)
            WHERE id = \(bind: session.id)
            """).run()
    }

    /// `arrivals` as rows of `test_messages` in the table's column order, for a VALUES list.
    static func messageRows(_ arrivals: [Arrival], in session: TestSession) -> SQLQueryString {
        var rows: [SQLQueryString] = []
        rows.reserveCapacity(arrivals.count)
        for arrival in arrivals {
            let message = arrival.message
            rows.append("""
                (\(bind: TimeOrderedUUID.make(at: message.receivedAt)), \(bind: session.id), \(bind: message.sequence), \
                \(bind: message.receivedAt), \(bind: message.sha256), \(bind: Data(arrival.raw)), \
                \(bind: arrival.json.summary), \(bind: arrival.json.findings), \(bind: Data(arrival.ack)), \
                \(bind: message.acknowledgement.rawValue), \(bind: message.summary.controlID), \(bind: message.hash))
                """)
        }
        return rows.joined(separator: ", ")
    }

    /// One session of the case, or `CaseNotFound` (also when it belongs to another case).
    public static func session(_ id: UUID, of caseID: UUID, on store: Store) async throws -> TestSession {
        guard let model = try await TestSessionModel.find(id, on: store.database), model.caseID == caseID else {
            throw CaseNotFound()
        }
        return try session(model)
    }

    /// The frozen protocol of a closed session (canonical JSON and its hash); nil while it is open.
    public static func frozenProtocol(of sessionID: UUID, on store: Store) async throws -> (json: String, hash: String)? {
        guard let model = try await TestSessionModel.find(sessionID, on: store.database),
              let json = model.testProtocol, let hash = model.protocolHash
        else { return nil }
        return (json, hash)
    }

    /// Closes an open session with its protocol; false when it was closed already (by someone else meanwhile).
    public static func close(
        _ sessionID: UUID, at time: Date, protocolJSON: String, protocolHash: String, in tx: WriteTransaction
    ) async throws -> Bool {
        guard let model = try await TestSessionModel.find(sessionID, on: tx.database), model.closedAt == nil else { return false }
        model.closedAt = time
        model.testProtocol = protocolJSON
        model.protocolHash = protocolHash
        try await model.update(on: tx.database)
        return true
    }

    /// The ids of the case's closed sessions: the test protocols its evidence may name.
    public static func closedSessionIDs(of caseID: UUID, on store: Store) async throws -> Set<UUID> {
        Set(try await TestSessionModel.query(on: store.database).filter(\.$caseID == caseID).filter(\.$closedAt != nil)
            .all().compactMap(\.id))
    }

    /// The case's sessions, newest first.
    public static func sessions(of caseID: UUID, on store: Store) async throws -> [TestSession] {
        try await TestSessionModel.query(on: store.database).filter(\.$caseID == caseID).sort(\.$openedAt, .descending)
            .all().map(session)
    }

    /// The session's messages in the order received.
    public static func messages(of sessionID: UUID, on store: Store) async throws -> [ReceivedMessage] {
        try await TestMessageModel.query(on: store.database).filter(\.$sessionID == sessionID).sort(\.$sequence).all()
            .map { model in
                ReceivedMessage(
                    sequence: model.sequence, receivedAt: model.receivedAt, sha256: model.sha256,
                    summary: try JSONDecoder().decode(HL7MessageSummary.self, from: Data(model.summary.utf8)),
                    findings: try JSONDecoder().decode([VerificationFinding].self, from: Data(model.findings.utf8)),
                    acknowledgement: AcknowledgementCode(rawValue: model.ackCode) ?? .rejected, hash: model.hash)
            }
    }

    private static func session(_ model: TestSessionModel) throws -> TestSession {
        TestSession(
            id: try model.requireID(), accountID: model.accountID, caseID: model.caseID, profileID: model.profileID,
            profileVersion: model.profileVersion, profileHash: model.profileHash, openedAt: model.openedAt,
            closedAt: model.closedAt, headHash: model.headHash, messageCount: model.messageCount,
            dicomProfile: model.dicomProfileID.flatMap { id in
                model.dicomProfileVersion.flatMap { version in
                    model.dicomProfileHash.map { TestProtocol.Profile(id: id, version: version, contentHash: $0) }
                }
            })
    }
}
