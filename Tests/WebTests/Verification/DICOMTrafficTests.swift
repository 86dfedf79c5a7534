import DICOM
import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor
@testable import Web
import Workflow

/// Whether dcmtk's programs from Debian's package are there (pynetdicom installs Python ones of the same names).
private let hasDCMTK = FileManager.default.isExecutableFile(atPath: "/usr/bin/storescu")
    && FileManager.default.isExecutableFile(atPath: "/usr/bin/echoscu")

/// The verification environment's DICOM listener as `anslut serve` starts it, driven by dcmtk's `echoscu` and
/// `storescu`: associations admitted by the account's calling AE title and refused with A-ASSOCIATE-RJ otherwise,
/// each object checked, kept under its SHA-256 and recorded in the account's session before its status goes back,
/// and the DICOM part of the test protocol.
@Suite("Verification accounts and DICOM traffic", .enabled(if: hasDCMTK, "dcmtk's echoscu and storescu are not installed"))
struct DICOMTrafficTests {
    /// A CT object for a test personnummer with its OID in (0010,0024); `patientID` changes the patient.
    static func ct(instance: String, patientID: String = "189001019802") -> DataSetWriter {
        var data = DataSetWriter(characterSet: .latin1)
        data.set(.sopClassUID, SOPClass.ctImage.uid)
        data.set(.sopInstanceUID, "1.2.752.24.7.1.\(instance)")
        data.set(.studyDate, "20261206")
        data.set(.accessionNumber, "RIS12345")
        data.set(.modality, "CT")
        data.set(.institutionName, "Sahlgrenska Universitetssjukhuset")
        data.set(.patientName, "Åberg^Märta")
        data.set(.patientID, patientID)
        var qualifier = DataSetWriter()
        qualifier.set(.universalEntityID, "1.2.752.129.2.1.3.1")
        qualifier.set(.universalEntityIDType, "ISO")
        data.set(.issuerOfPatientIDQualifiersSequence, .SQ, .sequence([qualifier], undefinedLength: false))
        data.set(.studyInstanceUID, "1.2.752.24.7.1")
        data.set(.seriesInstanceUID, "1.2.752.24.7.1.0")
        data.set(.rows, .US, .uint16([4]))
        data.set(.columns, .US, .uint16([4]))
        data.set(.pixelData, .OW, .bytes([UInt8](repeating: 0x5A, count: 32)))
        return data
    }

    /// Runs a dcmtk program to its end (with TCP_NODELAY=1, without which its small writes stall) on a thread of
    /// its own; returns its exit status and what it printed.
    static func run(_ program: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await run(executable: "/usr/bin/\(program)", arguments)
    }

    /// Runs the program at `executable` so, whatever it is (pynetdicom's Python too).
    static func run(executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await onThreadOfItsOwn {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(["TCP_NODELAY": "1"]) { $1 }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }
    }

    @Test(
        "with dciodvfy installed, its opinion on the IOD is added to the object's findings as warnings",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dciodvfy"), "dicom3tools' dciodvfy is not installed"))
    func secondOpinion() async throws {
        try await withTestApp(adjust: { $0.iodVerifier = "/usr/bin/dciodvfy" }) { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await VerificationTrafficTests.caseInDel4(app, team)["id"].stringValue!.lowercased()
            let registered = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: ["dicomAETitles": ["MODALITY2"]] as CanonicalJSON)
            #expect(registered.status == .created, "\(registered.text)")
            let port = try await app.startDICOMListener(host: "127.0.0.1", port: 0)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dciodvfy-\(UUID()).dcm")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(Self.ct(instance: "7").part10(transferSyntax: .explicitVRLittleEndian)).write(to: file)
            let stored = try await Self.run("storescu", ["-aet", "MODALITY2", "-aec", "ANSLUT", "127.0.0.1", "\(port)", file.path])
            #expect(stored.status == 0, "\(stored.output)")
            let session = try #require(try await TestSessionStore.sessions(of: UUID(uuidString: id)!, on: app.store).first)
            let object = try #require(try await TestSessionStore.objects(of: session.id, on: app.store).first)
            // The CT object lacks modules' Type 1 and 2 attributes (ImageType, PatientSex …): dciodvfy says so.
            #expect(object.status == "B000")
            #expect(object.findings.contains { $0.rule == "dciodvfy.error" && $0.location?.description == "(0010,0040)" })
            #expect(object.findings.allSatisfy { $0.rule.hasPrefix("dciodvfy.") && $0.severity == .warning })
        }
    }

    @Test("echoscu and storescu against the listener: admitted by AE title, stored with findings, refused when paused or unknown")
    func traffic() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await VerificationTrafficTests.caseInDel4(app, team)["id"].stringValue!.lowercased()
            let registered = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: ["dicomAETitles": ["MODALITY1"]] as CanonicalJSON)
            #expect(registered.status == .created, "\(registered.text)")
            let account = registered.json
            #expect(account["dicomAETitles"] == ["MODALITY1"] && account["hl7SendingApplication"] == "")
            let taken = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: ["dicomAETitles": ["MODALITY1"]] as CanonicalJSON)
            #expect(taken.status == .unprocessableEntity && taken.text.contains("ae-title-taken"))
            let tooLong = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: ["dicomAETitles": ["A-TITLE-THAT-IS-TOO-LONG"]] as CanonicalJSON)
            #expect(tooLong.status == .unprocessableEntity && tooLong.text.contains("invalid-ae-title"))

            let port = try await app.startDICOMListener(host: "127.0.0.1", port: 0)
            let echo = try await Self.run("echoscu", ["-aet", "MODALITY1", "-aec", "ANSLUT", "127.0.0.1", "\(port)"])
            #expect(echo.status == 0, "\(echo.output)")
            let stranger = try await Self.run("echoscu", ["-aet", "STRANGER", "-aec", "ANSLUT", "127.0.0.1", "\(port)"])
            #expect(stranger.status != 0 && stranger.output.contains("Calling AE Title Not Recognized"), "\(stranger.output)")

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dicom-traffic-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let clean = folder.appendingPathComponent("clean.dcm")
            let real = folder.appendingPathComponent("real.dcm")
            try Data(Self.ct(instance: "1").part10(transferSyntax: .explicitVRLittleEndian)).write(to: clean)
            try Data(Self.ct(instance: "2", patientID: "191212121212").part10(transferSyntax: .explicitVRLittleEndian)).write(to: real)
            let stored = try await Self.run(
                "storescu", ["-aet", "MODALITY1", "-aec", "ANSLUT", "127.0.0.1", "\(port)", clean.path, real.path])
            #expect(stored.status == 0, "\(stored.output)")

            let caseID = UUID(uuidString: id)!
            let session = try #require(try await TestSessionStore.sessions(of: caseID, on: app.store).first)
            #expect(session.dicomProfile?.id == "bfr-dicom")
            let objects = try await TestSessionStore.objects(of: session.id, on: app.store)
            #expect(objects.map(\.status) == ["0000", "B000"], "a finding gives a warning status; the object is stored")
            #expect(objects.last?.findings.map(\.rule) == ["identity.real-personnummer"])
            #expect(objects.first?.summary.patientIdentifierKind == .personnummer && objects.first?.summary.modality == "CT")
            // The file is kept under its SHA-256, byte for byte what arrived.
            let kept = BlobStore(root: URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent("dicom"))
            let first = try #require(objects.first)
            let file = try DICOMFile.read(atPath: kept.url(sha256: first.sha256).path)
            #expect(file.dataSet.sopInstanceUID == "1.2.752.24.7.1.1" && file.mediaStorageSOPInstanceUID == "1.2.752.24.7.1.1")

            let tea = PageClient(app)
            _ = try await tea.signIn(team.technician.email)
            let page = try await tea.get("/cases/\(id)/test-sessions/\(session.id.uuidString.lowercased())")
            #expect(page.body.contains("Testfall (DICOM)") && page.body.contains("1.2.752.24.7.1.2") && page.body.contains("B000"))

            let closed = try await app.api(.POST, "/api/v1/cases/\(id)/test-sessions/\(session.id)/close", as: team.technician)
            #expect(closed.status == .ok, "\(closed.text)")
            let dicom = closed.json["dicom"]
            #expect(dicom["profile"]["id"] == "bfr-dicom" && dicom["statuses"]["0000"] == .int(1) && dicom["statuses"]["B000"] == .int(1))
            #expect(dicom["sopClasses"][SOPClass.ctImage.uid] == .int(2) && dicom["objects"].elements.count == 2)
            #expect(dicom["testCases"].elements.first { $0["id"] == "ct-with-issuer" }?["met"] == .bool(true))
            #expect(dicom["findings"].elements.first?["rule"] == "identity.real-personnummer")
            #expect(dicom["findings"].elements.first?["locations"].elements.first == "(0010,0020)")

            let paused = try await app.api(
                .PATCH, "/api/v1/cases/\(id)/accounts/\(account["id"].stringValue!)", as: team.technician,
                json: ["status": "paused", "version": account["version"]] as CanonicalJSON)
            #expect(paused.status == .ok)
            let refused = try await Self.run("echoscu", ["-aet", "MODALITY1", "-aec", "ANSLUT", "127.0.0.1", "\(port)"])
            #expect(refused.status != 0 && refused.output.contains("Transient"), "\(refused.output)")
        }
    }

    @Test("an association from any of an account's AE titles is admitted and its objects land in that account's session")
    func secondTitle() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await VerificationTrafficTests.caseInDel4(app, team)["id"].stringValue!.lowercased()
            let other = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: ["dicomAETitles": ["MR1"]] as CanonicalJSON)
            let fleet = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: ["dicomAETitles": ["CT1", "CT2"]] as CanonicalJSON)
            #expect(other.status == .created && fleet.status == .created, "\(other.text) \(fleet.text)")
            let port = try await app.startDICOMListener(host: "127.0.0.1", port: 0)
            let echo = try await Self.run("echoscu", ["-aet", "CT2", "-aec", "ANSLUT", "127.0.0.1", "\(port)"])
            #expect(echo.status == 0, "\(echo.output)")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("second-title-\(UUID()).dcm")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(Self.ct(instance: "9").part10(transferSyntax: .explicitVRLittleEndian)).write(to: file)
            let stored = try await Self.run("storescu", ["-aet", "CT2", "-aec", "ANSLUT", "127.0.0.1", "\(port)", file.path])
            #expect(stored.status == 0, "\(stored.output)")

            let sessions = try await TestSessionStore.sessions(of: UUID(uuidString: id)!, on: app.store)
            let session = try #require(sessions.first)
            #expect(sessions.count == 1 && session.accountID == UUID(uuidString: fleet.json["id"].stringValue!))
            #expect(try await TestSessionStore.objects(of: session.id, on: app.store).map(\.summary.sopInstanceUID)
                == ["1.2.752.24.7.1.9"])
        }
    }

    @Test("an AE title's objects after the first are appended on what the first found, and a closed session or a pause in between counts for the next object")
    func knownSender() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await VerificationTrafficTests.caseInDel4(app, team)["id"].stringValue!.lowercased()
            let registered = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician, json: ["dicomAETitles": ["MODALITY3"]] as CanonicalJSON)
            #expect(registered.status == .created, "\(registered.text)")
            let objects = BlobStore(root: URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent("dicom"))
            try FileManager.default.createDirectory(at: objects.incoming, withIntermediateDirectories: true)
            let traffic = DICOMTraffic(
                hl7Profiles: try app.hl7Profiles(), dicomProfiles: try app.dicomProfiles(), store: app.store,
                clock: app.config.clock, objects: objects, fileWork: app.fileWork, durability: .processCrash)
            func send(_ instance: String, patientID: String = "189001019802") async throws -> DICOMTraffic.Outcome {
                let file = objects.incoming.appendingPathComponent("object-\(instance)")
                try Data(Self.ct(instance: instance, patientID: patientID).part10(transferSyntax: .explicitVRLittleEndian))
                    .write(to: file)
                return await traffic.store(
                    file: file, command: .init(sopClassUID: SOPClass.ctImage.uid, sopInstanceUID: "1.2.752.24.7.1.\(instance)"),
                    callingAETitle: "MODALITY3", peer: "127.0.0.1")
            }
            func findings(_ outcome: DICOMTraffic.Outcome) -> [String]? {
                if case .stored(let findings) = outcome { findings.map(\.rule) } else { nil }
            }
            #expect(findings(try await send("1")) == [])
            #expect(findings(try await send("2", patientID: "191212121212")) == ["identity.real-personnummer"])
            #expect(findings(try await send("3")) == [])
            let caseID = UUID(uuidString: id)!
            let first = try #require(try await TestSessionStore.sessions(of: caseID, on: app.store).first)
            let stored = try await TestSessionStore.objects(of: first.id, on: app.store)
            #expect(stored.map(\.sequence) == [1, 2, 3] && stored.map(\.status) == ["0000", "B000", "0000"])
            // The chain runs unbroken through the objects appended the short way, up to the session's head.
            var head = TestSessionChain.start
            for object in stored {
                head = TestSessionChain.hash(
                    previous: head, sequence: object.sequence, receivedAt: object.receivedAt, contentSHA256: object.sha256,
                    acknowledgement: object.status)
                #expect(object.hash == head)
            }
            let reread = try await TestSessionStore.session(first.id, of: caseID, on: app.store)
            #expect(reread.headHash == head && reread.messageCount == 3 && reread.dicomProfile?.id == "bfr-dicom")

            // The short way itself, on this engine: taken while everything stands as expected, refused (nothing
            // stored) once the session moved past the expected count.
            let accountNow = try #require(
                try await SystemAccountStore.account(UUID(uuidString: registered.json["id"].stringValue!)!, on: app.store))
            let expected = TrafficExpectation(
                account: accountNow, caseStanding: try #require(try await CaseStore.standing(of: caseID, on: app.store)),
                previousCount: 3, controlIDs: [])
            let sha256 = String(repeating: "ab", count: 32)
            var next = reread
            next.messageCount = 4
            next.headHash = TestSessionChain.hash(
                previous: head, sequence: 4, receivedAt: stored[0].receivedAt, contentSHA256: sha256, acknowledgement: "0000")
            let fourth = ReceivedDICOMObject(
                sequence: 4, receivedAt: stored[0].receivedAt, sha256: sha256, summary: stored[0].summary, findings: [],
                status: "0000", hash: next.headHash)
            let json = try TestSessionStore.ObjectJSON(summary: fourth.summary, findings: [])
            #expect(try await TestSessionStore.appendIfCurrent(
                fourth, json: json, to: next, expected: expected, durability: .powerLoss, on: app.store))
            #expect(try await !TestSessionStore.appendIfCurrent(
                fourth, json: json, to: next, expected: expected, durability: .powerLoss, on: app.store))
            #expect(try await TestSessionStore.objects(of: first.id, on: app.store).last == fourth)
            #expect(try await TestSessionStore.session(first.id, of: caseID, on: app.store).headHash == next.headHash)

            let closed = try await app.api(.POST, "/api/v1/cases/\(id)/test-sessions/\(first.id)/close", as: team.technician)
            #expect(closed.status == .ok, "\(closed.text)")
            #expect(findings(try await send("4")) == [])
            let sessions = try await TestSessionStore.sessions(of: caseID, on: app.store)
            let second = try #require(sessions.first { $0.id != first.id })
            #expect(sessions.count == 2)
            #expect(try await TestSessionStore.objects(of: second.id, on: app.store).map(\.summary.sopInstanceUID)
                == ["1.2.752.24.7.1.4"], "the object after the close opens a new session")

            let account = registered.json
            let paused = try await app.api(
                .PATCH, "/api/v1/cases/\(id)/accounts/\(account["id"].stringValue!)", as: team.technician,
                json: ["status": "paused", "version": account["version"]] as CanonicalJSON)
            #expect(paused.status == .ok, "\(paused.text)")
            guard case .refused(let refusal) = try await send("5") else {
                Issue.record("an object after the pause is refused")
                return
            }
            #expect(refusal.rule == "admission.paused")
            #expect(try await TestSessionStore.objects(of: second.id, on: app.store).count == 1)
        }
    }
}
