import Crypto
import Domain
import Foundation
import HL7
import Persistence
import ProcessFiles
import TestSupport
import Testing
import Vapor
import Web
import Workflow

/// Verification accounts over the API and HL7 traffic through the workflow the MLLP listener calls: matched by
/// MSH-3/MSH-4, checked, stored in the account's session before the ACK, repeated messages answered once.
@Suite("Verification accounts and HL7 traffic")
struct VerificationTrafficTests {
    /// A BFR case walked to Del 4, the phase that takes verification traffic.
    static func caseInDel4(_ app: Application, _ team: CaseTeam) async throws -> CanonicalJSON {
        var current = try await team.newCase(app)
        current = try await CaseTeam.command(app, current, by: team.coordinator, "begin_triage").json
        current = try await team.workCurrentPhase(app, current)
        current = try await CaseTeam.command(app, current, by: team.coordinator, "start").json
        current = try await team.workCurrentPhase(app, current)
        current = try await team.workCurrentPhase(app, current)
        #expect(current["currentPhase"] == "del4")
        return current
    }

    /// A BFR case in Del 4 whose technician registered the verification account MSH-3 RIS1, MSH-4 SU; the case as
    /// it stood before.
    static func caseWithAccount(_ app: Application, _ team: CaseTeam) async throws -> CanonicalJSON {
        let del4 = try await caseInDel4(app, team)
        _ = try await app.api(
            .POST, "/api/v1/cases/\(del4["id"].stringValue!)/accounts", as: team.technician,
            json: ["hl7SendingApplication": "RIS1", "hl7SendingFacility": "SU"] as CanonicalJSON)
        return del4
    }

    static func message(_ control: String, pid: String = "189001019802", app sender: String = "RIS1") -> [UInt8] {
        Array(("MSH|^~\\&|\(sender)|SU|BFR|VGR|20261206101500||ADT^A08|\(control)|T|2.5|||||SE|UNICODE UTF-8\r"
            + "EVN|A08|20261206\rPID|1||\(pid)^^^&1.2.752.129.2.1.3.1&ISO^PI||Åberg^Märta||18900101|F\rPV1|1|O\r").utf8)
    }

    static func traffic(_ app: Application) throws -> HL7Traffic {
        let profiles = try HL7ProfileLoader.loadFolder(HL7ProfileLoader.folder(in: URL(fileURLWithPath: processesFolder)))
        return HL7Traffic(profiles: profiles, store: app.store, clock: app.config.clock)
    }

    @Test("a technician registers an account in Del 4; others may not, nor outside a verification phase, nor twice")
    func registration() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let del4 = try await Self.caseInDel4(app, team)
            let id = del4["id"].stringValue!
            let body: CanonicalJSON = ["hl7SendingApplication": "RIS1", "hl7SendingFacility": "SU", "sourceAddresses": ["127.0.0.1"]]
            let created = try await app.api(.POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: body)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.json["status"] == "active" && created.json["hl7SendingFacility"] == "SU")
            let again = try await app.api(.POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: body)
            #expect(again.status == .unprocessableEntity && again.text.contains("sender-taken"))
            let coordinator = try await app.api(.POST, "/api/v1/cases/\(id)/accounts", as: team.coordinator, json: body)
            #expect(coordinator.status == .forbidden)
            let bad = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician,
                json: ["hl7SendingApplication": "RIS|1", "hl7SendingFacility": "", "sourceAddresses": ["10.0.0.0/33"]] as CanonicalJSON)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("hl7SendingApplication") && bad.text.contains("hl7SendingFacility")
                && bad.text.contains("sourceAddresses/0"))
            let early = try await team.newCase(app)
            let outside = try await app.api(
                .POST, "/api/v1/cases/\(early["id"].stringValue!)/accounts", as: team.technician,
                json: ["hl7SendingApplication": "RIS2", "hl7SendingFacility": "SU"] as CanonicalJSON)
            #expect(outside.status == .conflict && outside.text.contains("verifieringstrafik"))
            let events = try await app.api(.GET, "/api/v1/cases/\(id)/events", as: team.technician).json.elements
            #expect(events.contains { $0["action"] == "case.account.register" })
        }
    }

    @Test("a message is matched, checked, stored before its ACK; a repeat is stored once; pause and unknown senders get AR")
    func traffic() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let del4 = try await Self.caseInDel4(app, team)
            let id = del4["id"].stringValue!
            let account = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician,
                json: ["hl7SendingApplication": "RIS1", "hl7SendingFacility": "SU"] as CanonicalJSON).json
            let traffic = try Self.traffic(app)

            let first = try Message(bytes: await traffic.receive(Self.message("M1"), from: "127.0.0.1"))
            #expect(first.value(at: "MSA-1") == "AA" && first.value(at: "MSA-2") == "M1")
            let real = try Message(bytes: await traffic.receive(Self.message("M2", pid: "191212121212"), from: "127.0.0.1"))
            #expect(real.value(at: "MSA-1") == "AE" && real.value(at: "ERR-5") == "identity.real-personnummer")
            let repeated = await traffic.receive(Self.message("M1"), from: "127.0.0.1")
            #expect(try Message(bytes: repeated).controlID == first.controlID, "the first ACK again")

            let sessions = try await app.api(.GET, "/api/v1/cases/\(id)/test-sessions", as: team.applicant).json.elements
            #expect(sessions.count == 1)
            #expect(sessions.first?["messageCount"] == .int(2))
            #expect(sessions.first?["acknowledgements"]["AA"] == .int(1) && sessions.first?["acknowledgements"]["AE"] == .int(1))
            #expect(sessions.first?["profile"]["id"] == "bfr-hl7")

            // The session's chain recomputes from the stored messages.
            let caseID = UUID(uuidString: id)!
            let session = try #require(try await TestSessionStore.sessions(of: caseID, on: app.store).first)
            var head = TestSessionChain.start
            for message in try await TestSessionStore.messages(of: session.id, on: app.store) {
                head = TestSessionChain.hash(
                    previous: head, sequence: message.sequence, receivedAt: message.receivedAt,
                    contentSHA256: message.sha256, acknowledgement: message.acknowledgement.rawValue)
                #expect(head == message.hash)
            }
            #expect(head == session.headHash)
            let opened = try await AuditLog.events(about: CaseRecord.subject(caseID), on: app.store)
                .filter { $0.action == "case.test_session.open" }
            #expect(opened.count == 1 && opened.first?.auditActor == .systemAccount(UUID(uuidString: account["id"].stringValue!)!))

            let unknown = try Message(bytes: await traffic.receive(Self.message("M3", app: "OTHER"), from: "127.0.0.1"))
            #expect(unknown.value(at: "MSA-1") == "AR" && unknown.value(at: "ERR-3.1") == "204")

            let paused = try await app.api(
                .PATCH, "/api/v1/cases/\(id)/accounts/\(account["id"].stringValue!)", as: team.technician,
                json: ["status": "paused", "version": account["version"], "reason": "Leverantören byter server"] as CanonicalJSON)
            #expect(paused.status == .ok && paused.json["status"] == "paused")
            let refused = try Message(bytes: await traffic.receive(Self.message("M4"), from: "127.0.0.1"))
            #expect(refused.value(at: "MSA-1") == "AR" && refused.value(at: "ERR-5") == "admission.paused")
            let stale = try await app.api(
                .PATCH, "/api/v1/cases/\(id)/accounts/\(account["id"].stringValue!)", as: team.technician,
                json: ["status": "active", "version": account["version"]] as CanonicalJSON)
            #expect(stale.status == .conflict)
            #expect(try await TestSessionStore.messages(of: session.id, on: app.store).count == 2, "refused traffic is not stored")
        }
    }

    @Test(
        "messages sent at once share transactions: each stored once, in one unbroken chain, repeats answered with the first ACK",
        arguments: CommitDurability.allCases)
    func concurrentTraffic(durability: CommitDurability) async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await Self.caseWithAccount(app, team)["id"].stringValue!
            // At most four to a transaction, so that forty messages make several batches.
            let traffic = HL7Traffic(
                profiles: try HL7ProfileLoader.loadFolder(HL7ProfileLoader.folder(in: URL(fileURLWithPath: processesFolder))),
                store: app.store, clock: app.config.clock, durability: durability, maximumBatch: 4)
            // Thirty distinct control ids, ten of them sent twice at the same time, and one unknown sender.
            let sends = (0..<40).map { $0 < 30 ? "K\($0)" : "K\($0 - 30)" }
            let acks = await withTaskGroup(of: (String, Message?).self) { group in
                for control in sends {
                    group.addTask { (control, try? Message(bytes: await traffic.receive(Self.message(control), from: "127.0.0.1"))) }
                }
                group.addTask { ("X", try? Message(bytes: await traffic.receive(Self.message("X", app: "OTHER"), from: "127.0.0.1"))) }
                var acks: [(String, Message?)] = []
                for await ack in group { acks.append(ack) }
                return acks
            }
            for (control, ack) in acks where control != "X" {
                #expect(ack?.value(at: "MSA-1") == "AA" && ack?.value(at: "MSA-2") == control)
            }
            #expect(acks.first { $0.0 == "X" }?.1?.value(at: "MSA-1") == "AR")
            // Both copies of a repeated message got the same ACK, the one stored.
            for control in (0..<10).map({ "K\($0)" }) {
                let copies = Set(acks.filter { $0.0 == control }.compactMap { $0.1?.controlID })
                #expect(copies.count == 1, "\(control)")
            }

            let caseID = UUID(uuidString: id)!
            let sessions = try await TestSessionStore.sessions(of: caseID, on: app.store)
            #expect(sessions.count == 1, "one session, opened once")
            let session = try #require(sessions.first)
            let messages = try await TestSessionStore.messages(of: session.id, on: app.store)
            #expect(messages.map(\.sequence) == Array(1...30))
            #expect(Set(messages.map(\.summary.controlID)).count == 30)
            var head = TestSessionChain.start
            for message in messages {
                head = TestSessionChain.hash(
                    previous: head, sequence: message.sequence, receivedAt: message.receivedAt,
                    contentSHA256: message.sha256, acknowledgement: message.acknowledgement.rawValue)
                #expect(head == message.hash)
            }
            #expect(head == session.headHash && session.messageCount == 30)
            let opened = try await AuditLog.events(about: CaseRecord.subject(caseID), on: app.store)
                .filter { $0.action == "case.test_session.open" }
            #expect(opened.count == 1)
        }
    }

    @Test("a known sender's batches are stored on what the last one found, and anything changed since sends them the long way")
    func knownSenders() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let del4 = try await Self.caseWithAccount(app, team)
            let id = del4["id"].stringValue!
            // Two instances on one database, as two anslut processes would be: each remembers the session's head
            // from its own last batch, which the other's batches have moved on.
            let (one, two) = (try Self.traffic(app), try Self.traffic(app))
            var codes: [String] = []
            for round in 0..<6 {
                let traffic = round % 3 == 2 ? two : one
                let ack = try Message(bytes: await traffic.receive(Self.message("T\(round)"), from: "127.0.0.1"))
                codes.append(ack.value(at: "MSA-1") ?? "")
            }
            #expect(codes == Array(repeating: "AA", count: 6))
            // A control id of an earlier batch, through the instance that knows the session: its first ACK again.
            let first = try Message(bytes: await one.receive(Self.message("T0"), from: "127.0.0.1"))
            let original = try Message(bytes: await two.receive(Self.message("T0"), from: "127.0.0.1"))
            #expect(first.controlID == original.controlID && first.value(at: "MSA-1") == "AA")

            let caseID = UUID(uuidString: id)!
            let session = try #require(try await TestSessionStore.sessions(of: caseID, on: app.store).first)
            let messages = try await TestSessionStore.messages(of: session.id, on: app.store)
            #expect(messages.map(\.sequence) == Array(1...6))
            #expect(messages.map(\.summary.controlID) == (0..<6).map { "T\($0)" })
            var head = TestSessionChain.start
            for message in messages {
                head = TestSessionChain.hash(
                    previous: head, sequence: message.sequence, receivedAt: message.receivedAt,
                    contentSHA256: message.sha256, acknowledgement: message.acknowledgement.rawValue)
                #expect(head == message.hash)
            }
            #expect(head == session.headHash && session.messageCount == 6)

            // The case put on hold after the sender became known: refused at once, nothing stored.
            _ = try await CaseTeam.command(app, del4, by: team.coordinator, "put_on_hold", ["reason": "Väntar på leverantören"])
            let held = try Message(bytes: await one.receive(Self.message("T6"), from: "127.0.0.1"))
            #expect(held.value(at: "MSA-1") == "AR" && held.value(at: "ERR-5") == "admission.phase")
            #expect(try await TestSessionStore.messages(of: session.id, on: app.store).count == 6)
        }
    }

    @Test("appendIfCurrent stores a batch while all it was planned on holds, and nothing once anything changed")
    func appendIfCurrent() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let caseID = UUID(uuidString: try await Self.caseWithAccount(app, team)["id"].stringValue!)!
            // The first message opens the session the long way.
            _ = await (try Self.traffic(app)).receive(Self.message("P1"), from: "127.0.0.1")
            let account = try #require(try await SystemAccountStore.accounts(of: caseID, on: app.store).first)
            let standing = try #require(try await CaseStore.standing(of: caseID, on: app.store))
            let opened = try #require(try await TestSessionStore.openSession(of: account.id, on: app.store))
            let now = Date()
            // One message after `session`'s head, and the session moved past it.
            func batch(_ control: String, after session: TestSession) -> ([TestSessionStore.Arrival], TestSession) {
                let bytes = Self.message(control)
                let summary = HL7MessageSummary(
                    type: "ADT", event: "A08", controlID: control, sendingApplication: "RIS1", sendingFacility: "SU",
                    version: "2.5", processingID: "T", segments: ["MSH", "EVN", "PID", "PV1"], patientIdentifiers: [],
                    mergedIdentifiers: [])
                let sha256 = HexDigits.encode(SHA256.hash(data: bytes))
                var moved = session
                moved.messageCount += 1
                moved.headHash = TestSessionChain.hash(
                    previous: session.headHash, sequence: moved.messageCount, receivedAt: now, contentSHA256: sha256,
                    acknowledgement: "AA")
                let message = ReceivedMessage(
                    sequence: moved.messageCount, receivedAt: now, sha256: sha256, summary: summary, findings: [],
                    acknowledgement: .accepted, hash: moved.headHash)
                let arrival = TestSessionStore.Arrival(
                    message: message, json: TestSessionStore.MessageJSON(summary: summary, findings: []), raw: bytes,
                    ack: Array("MSH|^~\\&|ACK\r".utf8))
                return ([arrival], moved)
            }
            func expectation(_ account: SystemAccount, _ session: TestSession, _ control: String) -> TrafficExpectation {
                TrafficExpectation(
                    account: account, caseStanding: standing, previousCount: session.messageCount, controlIDs: [control])
            }
            func append(_ control: String, after session: TestSession, as account: SystemAccount) async throws -> Bool {
                let (arrivals, moved) = batch(control, after: session)
                return try await TestSessionStore.appendIfCurrent(
                    arrivals, to: moved, expected: expectation(account, session, control), durability: .powerLoss,
                    on: app.store)
            }

            #expect(try await append("P2", after: opened, as: account), "everything as planned")
            let second = try #require(try await TestSessionStore.openSession(of: account.id, on: app.store))
            #expect(second.messageCount == 2 && second.headHash == batch("P2", after: opened).1.headHash)
            #expect(try await !append("P3", after: opened, as: account), "planned on a head that moved on")
            #expect(try await !append("P1", after: second, as: account), "a control id the session has")
            var older = account
            older.version -= 1
            #expect(try await !append("P3", after: second, as: older), "the account changed since")
            let messages = try await TestSessionStore.messages(of: second.id, on: app.store)
            #expect(messages.map(\.summary.controlID) == ["P1", "P2"], "nothing stored by a refused append")
        }
    }

    @Test("the listener's callback answers as the task does: a new sender, a known one, a large message, an unreadable one")
    func callbackPath() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await Self.caseWithAccount(app, team)["id"].stringValue!
            let traffic = try Self.traffic(app)
            let answer = { (bytes: [UInt8]) async throws -> Message in
                try Message(bytes: await withCheckedContinuation { done in
                    traffic.receive(bytes, from: "127.0.0.1") { done.resume(returning: $0) }
                })
            }
            // The first of a sender reads its platform from the database; the next is read and queued at once.
            #expect(try await answer(Self.message("F1")).value(at: "MSA-1") == "AA")
            #expect(try await answer(Self.message("F2")).value(at: "MSA-1") == "AA")
            // Over 64 KB: checked in a task of its own, stored the same.
            let note = "NTE|1||" + String(repeating: "x", count: 100_000) + "\r"
            let large = Self.message("F3") + Array(note.utf8)
            let largeAck = try await answer(large)
            #expect(largeAck.value(at: "MSA-2") == "F3" && ["AA", "AE"].contains(largeAck.value(at: "MSA-1")))
            let unreadable = try await answer(Array("not HL7 at all".utf8))
            #expect(unreadable.value(at: "MSA-1") == "AR" && unreadable.value(at: "ERR-5") == "frame.unreadable")
            let session = try #require(try await TestSessionStore.sessions(of: UUID(uuidString: id)!, on: app.store).first)
            #expect(try await TestSessionStore.messages(of: session.id, on: app.store).map(\.summary.controlID) == ["F1", "F2", "F3"])
        }
    }

    @Test("ANSLUT_TRAFFIC_DURABILITY: flushed to the disk unless process-crash is chosen; anything else stops the start")
    func durabilitySetting() throws {
        #expect(try AppConfig.fromEnvironment([:]).trafficDurability == .powerLoss)
        #expect(try AppConfig.fromEnvironment(["ANSLUT_TRAFFIC_DURABILITY": ""]).trafficDurability == .powerLoss)
        #expect(try AppConfig.fromEnvironment(["ANSLUT_TRAFFIC_DURABILITY": "process-crash"]).trafficDurability == .processCrash)
        #expect(try AppConfig.fromEnvironment(["ANSLUT_TRAFFIC_DURABILITY": "power-loss"]).trafficDurability == .powerLoss)
        do {
            _ = try AppConfig.fromEnvironment(["ANSLUT_TRAFFIC_DURABILITY": "off"])
            Issue.record("an unknown durability was accepted")
        } catch {
            #expect(error.description.contains("\"off\"") && error.description.contains("process-crash"))
        }
    }

    @Test("the case page: a technician registers and pauses an account with its forms; the session shows the test cases met")
    func page() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let del4 = try await Self.caseInDel4(app, team)
            let id = del4["id"].stringValue!.lowercased()
            let tea = PageClient(app)
            _ = try await tea.signIn(team.technician.email)
            let before = try await tea.get("/cases/\(id)")
            #expect(before.body.contains(#"<section id="verification">"#) && before.body.contains(#"id="register-account""#))
            let refused = try await tea.post("/cases/\(id)/accounts", ["application": "RIS|1", "facility": "SU", "addresses": ""])
            #expect(refused.status == .unprocessableEntity)
            let registered = try await tea.post("/cases/\(id)/accounts", ["application": "RIS1", "facility": "SU", "addresses": "127.0.0.1"])
            #expect(registered.status == .seeOther, "\(registered.body)")
            _ = await (try Self.traffic(app)).receive(Self.message("P1"), from: "127.0.0.1")
            let after = try await tea.get("/cases/\(id)")
            #expect(after.body.contains("RIS1^SU") && after.body.contains("127.0.0.1") && after.body.contains("aktivt"))
            #expect(after.body.contains("1 meddelanden: 1 AA, 0 AE, 0 AR") || after.body.contains("1 AA, 0 AE, 0 AR"))
            #expect(after.body.contains("✓ ADT^A08 namnändring tas emot"))
            #expect(after.body.contains("registrerade verifieringskontot RIS1^SU"))
            let session = try #require(after.body.firstMatch(of: /test-sessions\/([0-9a-f-]{36})\/close/)?.1)
            let closed = try await tea.post("/cases/\(id)/test-sessions/\(session)/close", [:])
            #expect(closed.status == .seeOther, "\(closed.body)")
            let frozen = try await tea.get("/cases/\(id)")
            #expect(frozen.body.contains("inte alla testfall uppfyllda") && frozen.body.contains("Testprotokollets hash"))
            #expect(!frozen.body.contains("test-sessions/\(session)/close"))
            let account = try #require(after.body.firstMatch(of: /accounts\/([0-9a-f-]{36})\/status/)?.1)
            let paused = try await tea.post("/cases/\(id)/accounts/\(account)/status", ["status": "paused", "version": "1"])
            #expect(paused.status == .seeOther, "\(paused.body)")
            #expect(try await tea.get("/cases/\(id)").body.contains("pausat"))

            let anna = PageClient(app)
            _ = try await anna.signIn(team.applicant.email)
            let applicant = try await anna.get("/cases/\(id)")
            #expect(applicant.body.contains("RIS1^SU") && !applicant.body.contains("/status\"") && !applicant.body.contains("register-account"))
        }
    }

    @Test("the session page: live and reloading itself while open, frozen and printable once closed, nobody else's")
    func sessionPage() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await Self.caseWithAccount(app, team)["id"].stringValue!.lowercased()
            let traffic = try Self.traffic(app)
            _ = await traffic.receive(Self.message("S1"), from: "127.0.0.1")
            let session = try #require(try await app.api(.GET, "/api/v1/cases/\(id)/test-sessions", as: team.technician)
                .json.elements.first?["id"].stringValue).lowercased()
            let path = "/cases/\(id)/test-sessions/\(session)"

            let tea = PageClient(app)
            _ = try await tea.signIn(team.technician.email)
            #expect(try await tea.get("/cases/\(id)").body.contains(#"href="\#(path)""#), "the case page links to the session")
            let live = try await tea.get(path)
            #expect(live.status == .ok)
            #expect(live.body.contains(#"<meta http-equiv="refresh" content="5"/>"#), "an open session reloads itself")
            #expect(live.body.contains("Testsession") && live.body.contains("(öppen)"))
            #expect(live.body.contains("ADT^A08") && live.body.contains("S1") && live.body.contains("bfr-hl7"))
            #expect(live.body.contains("✓ ja") && live.body.contains("○ nej"), "test cases met and not met")
            #expect(live.body.contains("test-sessions/\(session)/close"))

            _ = await traffic.receive(Self.message("S2", pid: "191212121212"), from: "127.0.0.1")
            let later = try await tea.get(path)
            #expect(later.body.contains("S2") && later.body.contains("identity.real-personnummer"), "the next load shows the new message")

            let anna = PageClient(app)
            _ = try await anna.signIn(team.applicant.email)
            let applicant = try await anna.get(path)
            #expect(applicant.status == .ok && !applicant.body.contains("/close"), "the applicant sees it but may not close it")

            let closed = try await app.api(.POST, "/api/v1/cases/\(id)/test-sessions/\(session)/close", as: team.technician)
            let hash = HexDigits.encode(SHA256.hash(data: Data(closed.text.utf8)))
            let frozen = try await tea.get(path)
            #expect(!frozen.body.contains("http-equiv=\"refresh\""), "a frozen protocol stays still")
            #expect(frozen.body.contains("Testprotokoll") && frozen.body.contains(hash), "it shows the hash the audit trail keeps")
            #expect(frozen.body.contains("Inte alla profilens testfall är uppfyllda."))
            #expect(frozen.body.contains("/api/v1/cases/\(id)/test-sessions/\(session)/protocol"))
            #expect(!frozen.body.contains("/close\""))
            #expect(try await tea.get(path + "?lang=en").status == .ok)

            let stranger = try await Fixtures.user(app, "b@org-b.example", role: .applicant, organisation: "2321000131")
            let other = PageClient(app)
            _ = try await other.signIn(stranger.email)
            #expect(try await other.get(path).status == .notFound)
            #expect(try await tea.get("/cases/\(id)/test-sessions/\(UUID().uuidString.lowercased())").status == .notFound)
        }
    }

    @Test("closing a session freezes its protocol, whose hash the audit trail keeps; the next message opens a new session")
    func closing() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await Self.caseWithAccount(app, team)["id"].stringValue!.lowercased()
            let traffic = try Self.traffic(app)
            _ = await traffic.receive(Self.message("C1"), from: "127.0.0.1")
            _ = await traffic.receive(Self.message("C2", pid: "191212121212"), from: "127.0.0.1")
            let session = try #require(try await app.api(.GET, "/api/v1/cases/\(id)/test-sessions", as: team.technician)
                .json.elements.first?["id"].stringValue)
            let early = try await app.api(.GET, "/api/v1/cases/\(id)/test-sessions/\(session)/protocol", as: team.technician)
            #expect(early.status == .notFound, "no protocol while the session is open")
            let applicant = try await app.api(.POST, "/api/v1/cases/\(id)/test-sessions/\(session)/close", as: team.applicant)
            #expect(applicant.status == .forbidden)

            let closed = try await app.api(.POST, "/api/v1/cases/\(id)/test-sessions/\(session)/close", as: team.technician)
            #expect(closed.status == .ok, "\(closed.text)")
            let testProtocol = closed.json
            #expect(testProtocol["profile"]["id"] == "bfr-hl7" && testProtocol["sender"] == "RIS1^SU")
            #expect(testProtocol["acknowledgements"]["AA"] == .int(1) && testProtocol["acknowledgements"]["AE"] == .int(1))
            #expect(testProtocol["messages"].elements.count == 2)
            #expect(testProtocol["findings"].elements.first?["rule"] == "identity.real-personnummer")
            let a08 = testProtocol["testCases"].elements.first { $0["id"] == "adt-a08-update" }
            #expect(a08?["met"] == .bool(true) && a08?["metBy"] == .int(1))
            #expect(testProtocol["verdict"] == "not_passed", "not every test case was met")

            let frozen = try await app.api(.GET, "/api/v1/cases/\(id)/test-sessions/\(session)/protocol", as: team.applicant)
            #expect(frozen.text == closed.text)
            let digest = HexDigits.encode(SHA256.hash(data: Data(frozen.text.utf8)))
            let events = try await AuditLog.events(about: CaseRecord.subject(UUID(uuidString: id)!), on: app.store)
            let closing = try #require(events.last { $0.action == "case.test_session.close" })
            #expect(closing.payload.contains(digest), "the audit trail keeps the protocol's hash")
            let again = try await app.api(.POST, "/api/v1/cases/\(id)/test-sessions/\(session)/close", as: team.technician)
            #expect(again.status == .conflict)

            // The frozen protocol is test protocol evidence of this case; an open session's id is not.
            let current = try await app.api(.GET, "/api/v1/cases/\(id)", as: team.technician).json
            let ticked = try await app.api(
                .POST, "/api/v1/cases/\(id)/commands", as: team.technician,
                json: ["command": "tick", "item": "del4.test.anslutningstester", "version": current["version"],
                       "evidence": [["kind": "test_protocol", "reference": .string(session)]]] as CanonicalJSON)
            #expect(ticked.status == .ok, "\(ticked.text)")

            _ = await traffic.receive(Self.message("C3"), from: "127.0.0.1")
            let account = try #require(try await SystemAccountStore.accounts(of: UUID(uuidString: id)!, on: app.store).first)
            let open = try #require(try await TestSessionStore.openSession(of: account.id, on: app.store))
            let after = try await app.api(.GET, "/api/v1/cases/\(id)", as: team.technician).json
            let refused = try await app.api(
                .POST, "/api/v1/cases/\(id)/commands", as: team.technician,
                json: ["command": "tick", "item": "del4.test.integrationstester", "version": after["version"],
                       "evidence": [["kind": "test_protocol", "reference": .string(open.id.uuidString)]]] as CanonicalJSON)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("unknown-document"))
            #expect(try await app.api(.GET, "/api/v1/cases/\(id)/test-sessions", as: team.technician).json.elements.count == 2)
        }
    }
}
