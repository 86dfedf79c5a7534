import DICOM
import DICOMNetwork
import Foundation
import Testing

/// pynetdicom as an independent client: rejection codes, context negotiation, small PDUs and statuses.
@Suite("DICOM listener with pynetdicom", .timeLimit(.minutes(3)), .enabled(if: ExternalTools.hasPynetdicom, "pynetdicom is not installed"))
struct PynetdicomClientTests {
    /// The script's JSON answer.
    struct Outcome: Decodable {
        struct Store: Decodable {
            let path: String
            let uid: String
            let status: Int?
        }

        struct Context: Decodable {
            let id: Int
            let abstract: String
            let result: Int
            let transfer: String?
        }

        /// Absent in `limit`'s answer, which lists one outcome per association.
        let established: Bool?
        let rejected: Bool?
        let result: Int?
        let source: Int?
        let reason: Int?
        let echo: Int?
        let stores: [Store]?
        let contexts: [Context]?
        let associations: [Outcome]?
        let aborted: Bool?
    }

    private func client(_ arguments: String...) async throws -> Outcome {
        let outcome = try await ExternalTools.run(
            ExternalTools.python3!, [ExternalTools.script("pynetdicom_client.py")] + arguments)
        #expect(outcome.status == 0, "\(outcome.output)")
        let json = outcome.output.split(separator: "\n").last { $0.hasPrefix("{") } ?? ""
        let decoded = try JSONDecoder().decode(Outcome.self, from: Data(json.utf8))
        #expect(decoded.aborted != true && decoded.associations?.contains { $0.aborted == true } != true, "\(outcome.output)")
        return decoded
    }

    @Test func knownCallingAETitleIsAcceptedAndEchoed() async throws {
        let directory = try TemporaryDirectory("py-known")
        defer { directory.remove() }
        let handler = RecordingHandler(keptDirectory: try directory.subdirectory("kept"), knownCallingAETitles: ["SAHLGRENSKA_CT"])
        try await withDICOMServer(handler: handler, directory: directory) { server async throws in
            let outcome = try await client("associate", "\(server.localPort)", "SAHLGRENSKA_CT", "ANSLUT")
            #expect(outcome.established == true)
            #expect(outcome.echo == 0x0000)
        }
    }

    @Test func wrongCalledAETitleIsRejectedByTheListener() async throws {
        let directory = try TemporaryDirectory("py-called")
        defer { directory.remove() }
        let handler = RecordingHandler(keptDirectory: try directory.subdirectory("kept"))
        try await withDICOMServer(handler: handler, directory: directory) { server async throws in
            let outcome = try await client("associate", "\(server.localPort)", "SAHLGRENSKA_CT", "PACS")
            #expect(outcome.rejected == true)
            #expect([outcome.result, outcome.source, outcome.reason] == [1, 1, 7])
            #expect(server.statistics.associationsRejected == 1)
        }
    }

    @Test func unknownCallingAETitleIsRejectedByTheHandler() async throws {
        let directory = try TemporaryDirectory("py-calling")
        defer { directory.remove() }
        let handler = RecordingHandler(keptDirectory: try directory.subdirectory("kept"), knownCallingAETitles: ["SAHLGRENSKA_CT"])
        try await withDICOMServer(handler: handler, directory: directory) { server async throws in
            let outcome = try await client("associate", "\(server.localPort)", "STRANGER", "ANSLUT")
            #expect(outcome.rejected == true)
            #expect([outcome.result, outcome.source, outcome.reason] == [1, 1, 3])
        }
    }

    @Test func associationsOverTheLimitAreRejectedTransiently() async throws {
        let directory = try TemporaryDirectory("py-limit")
        defer { directory.remove() }
        let handler = RecordingHandler(keptDirectory: try directory.subdirectory("kept"))
        let configuration = DICOMConfiguration(maximumAssociations: 2)
        try await withDICOMServer(handler: handler, directory: directory, configuration: configuration) { server async throws in
            // pynetdicom now and then reports the third as aborted (about one run in ten on a loaded machine) though
            // the listener sent its A-ASSOCIATE-RJ; the codes are checked on a run where pynetdicom read them.
            var associations: [Outcome] = []
            for _ in 0..<3 {
                associations = try #require(try await client("limit", "\(server.localPort)", "3").associations)
                if associations.count == 3 && associations[2].rejected == true { break }
            }
            #expect(associations.map(\.established) == [true, true, false])
            #expect([associations[2].result, associations[2].source, associations[2].reason] == [2, 3, 2])
            #expect(server.statistics.associationsOverLimit >= 1)
            // The slots are free again once the held associations are released.
            let after = try await client("associate", "\(server.localPort)", "LIMITSCU", "ANSLUT")
            #expect(after.established == true)
        }
    }

    @Test func unsupportedContextsAreRejectedAndTheOthersAccepted() async throws {
        let directory = try TemporaryDirectory("py-contexts")
        defer { directory.remove() }
        let handler = RecordingHandler(keptDirectory: try directory.subdirectory("kept"))
        try await withDICOMServer(handler: handler, directory: directory) { server async throws in
            let outcome = try await client("contexts", "\(server.localPort)")
            #expect(outcome.established == true)
            let contexts = try #require(outcome.contexts)
            #expect(contexts.map(\.result) == [0, 3, 0, 4])
            #expect(contexts[0].transfer == TransferSyntax.explicitVRLittleEndian.uid)
            #expect(contexts[2].transfer == TransferSyntax.implicitVRLittleEndian.uid)
            #expect(outcome.echo == 0x0000)
        }
    }

    /// Both sides announce 4096 bytes: every 100 kB data set arrives in about 25 PDUs, each response must fit
    /// the client's limit, and the handler's B000 reaches the client.
    @Test func smallPDUsOnBothSidesAndAWarningStatus() async throws {
        let directory = try TemporaryDirectory("py-small")
        defer { directory.remove() }
        let handler = RecordingHandler(
            keptDirectory: try directory.subdirectory("kept"), statuses: ["FINDINGS": .warning])
        let configuration = DICOMConfiguration(maximumPDULength: 4096)
        try await withDICOMServer(handler: handler, directory: directory, configuration: configuration) { server async throws in
            let sent = directory.url.appendingPathComponent("sent").path
            let clean = try await client("store", "\(server.localPort)", "MODALITY1", "4096", sent + "-clean", "2", "100000")
            #expect(clean.stores?.map(\.status) == [0x0000, 0x0000])
            let warned = try await client("store", "\(server.localPort)", "FINDINGS", "4096", sent + "-warned", "3", "100000")
            #expect(warned.stores?.map(\.status) == [0xB000, 0xB000, 0xB000])
            for store in (clean.stores ?? []) + (warned.stores ?? []) {
                let kept = try #require(handler.kept.first { $0.object.sopInstanceUID == store.uid })
                #expect(try dataSetBytes(ofPart10File: kept.path) == dataSetBytes(ofPart10File: store.path))
            }
            #expect(server.statistics.objectsStored == 5)
        }
    }
}
