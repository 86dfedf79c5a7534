import DICOM
import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor
@testable import Web

/// python3 on PATH when it imports pydicom and pynetdicom, found as the DICOM network tests find it.
private let pynetdicomPython: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    guard let python = path.split(separator: ":").map({ "\($0)/python3" }).first(where: FileManager.default.isExecutableFile)
    else { return nil }
    let check = Process()
    check.executableURL = URL(fileURLWithPath: python)
    check.arguments = ["-c", "import pydicom, pynetdicom"]
    check.standardOutput = FileHandle.nullDevice
    check.standardError = FileHandle.nullDevice
    guard (try? check.run()) != nil else { return nil }
    check.waitUntilExit()
    return check.terminationStatus == 0 ? python : nil
}()

/// pynetdicom as a modality against the whole product path, not the bare listener: the association admitted by
/// the account's (second) calling AE title, every sample pydicom ships sent in its own transfer syntax, checked,
/// kept and recorded in the account's session, and a stranger refused with A-ASSOCIATE-RJ.
@Suite(
    "pynetdicom against the verification environment", .timeLimit(.minutes(5)),
    .enabled(if: pynetdicomPython != nil, "python3 with pydicom and pynetdicom is not installed"))
struct PynetdicomProductTests {
    /// The script's JSON answer.
    struct Outcome: Decodable {
        struct Store: Decodable {
            let name: String
            let uid: String
            let transferSyntax: String
            let status: Int?
        }

        let established: Bool?
        let echo: Int?
        let stores: [Store]?
        let rejected: Bool?
        let result: Int?
        let source: Int?
        let reason: Int?
    }

    /// pydicom's samples and the transfer syntax each is written in: one of every family the receiver accepts.
    static let samples: [(name: String, transferSyntax: TransferSyntax)] = [
        ("CT_small.dcm", .explicitVRLittleEndian),
        ("MR_small_implicit.dcm", .implicitVRLittleEndian),
        ("image_dfl.dcm", .deflatedExplicitVRLittleEndian),
        ("SC_rgb_jpeg_dcmtk.dcm", .jpegBaseline),
        ("MR_small_jpeg_ls_lossless.dcm", .jpegLSLossless),
        ("JPEG2000.dcm", .jpeg2000),
        ("SC_rgb_rle.dcm", .rleLossless),
    ]

    static func client(_ arguments: [String]) async throws -> Outcome {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Scripts/pynetdicom_product.py").path
        let run = try await DICOMTrafficTests.run(executable: try #require(pynetdicomPython), [script] + arguments)
        #expect(run.status == 0, "\(run.output)")
        let json = run.output.split(separator: "\n").last { $0.hasPrefix("{") } ?? ""
        return try JSONDecoder().decode(Outcome.self, from: Data(json.utf8))
    }

    @Test("C-ECHO and C-STORE of pydicom's samples, each in its own transfer syntax, into the account's session")
    func samplesIntoTheSession() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await VerificationTrafficTests.caseInDel4(app, team)["id"].stringValue!.lowercased()
            let registered = try await app.api(
                .POST, "/api/v1/cases/\(id)/accounts", as: team.technician,
                json: ["dicomAETitles": ["PYMOD1", "PYNETDICOM"]] as CanonicalJSON)
            #expect(registered.status == .created, "\(registered.text)")
            let port = try await app.startDICOMListener(host: "127.0.0.1", port: 0)

            let outcome = try await Self.client(["\(port)", "PYNETDICOM"] + Self.samples.map(\.name))
            #expect(outcome.established == true && outcome.echo == 0x0000)
            let stores = try #require(outcome.stores)
            #expect(stores.map(\.name) == Self.samples.map(\.name))
            #expect(stores.map(\.transferSyntax) == Self.samples.map(\.transferSyntax.uid), "each sample in its own syntax")

            let session = try #require(try await TestSessionStore.sessions(of: UUID(uuidString: id)!, on: app.store).first)
            #expect(session.accountID == UUID(uuidString: registered.json["id"].stringValue!))
            // In the order sent: two of the samples (MR_small in two syntaxes) share their SOP Instance UID.
            let objects = try await TestSessionStore.objects(of: session.id, on: app.store).sorted { $0.sequence < $1.sequence }
            #expect(objects.count == Self.samples.count)
            for (store, object) in zip(stores, objects) {
                #expect(object.summary.sopInstanceUID == store.uid, "\(store.name) is in the session")
                #expect(object.summary.transferSyntaxUID == store.transferSyntax, "\(store.name)")
                // The status pynetdicom got is the one recorded, and the findings decide it: 0000 without, B000 with.
                #expect(store.status.map { String(format: "%04X", $0) } == object.status, "\(store.name)")
                #expect(object.status == (object.findings.isEmpty ? "0000" : "B000"), "\(store.name): \(object.findings)")
            }
        }
    }

    @Test("an unknown calling AE title gets A-ASSOCIATE-RJ: rejected permanently by the service user, title not recognised")
    func strangerRejected() async throws {
        try await withTestApp { app in
            let port = try await app.startDICOMListener(host: "127.0.0.1", port: 0)
            let outcome = try await Self.client(["reject", "\(port)", "STRANGER"])
            #expect(outcome.rejected == true)
            #expect([outcome.result, outcome.source, outcome.reason] == [1, 1, 3])
        }
    }
}
