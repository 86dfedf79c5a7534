import Crypto
import DICOM
import DICOMNetwork
import Foundation
import Testing

/// dcmtk's echoscu and storescu as independent peers.
@Suite("DICOM listener with dcmtk", .timeLimit(.minutes(3)))
struct DICOMToolkitTests {
    static let echoscu = ExternalTools.dcmtk("echoscu")
    static let storescu = ExternalTools.dcmtk("storescu")

    @Test(.enabled(if: echoscu != nil, "dcmtk's echoscu is not installed (apt-get install dcmtk)"))
    func echoscuGetsSuccess() async throws {
        let directory = try TemporaryDirectory("echo")
        defer { directory.remove() }
        let handler = RecordingHandler(keptDirectory: try directory.subdirectory("kept"))
        try await withDICOMServer(handler: handler, directory: directory) { server async throws in
            let outcome = try await ExternalTools.run(
                Self.echoscu!, ["-v", "-aet", "MODALITY1", "-aec", "ANSLUT", "127.0.0.1", "\(server.localPort)"])
            #expect(outcome.status == 0, "\(outcome.output)")
            #expect(outcome.output.contains("Received Echo Response (Success)"))
            #expect(server.statistics.echoes == 1)
            #expect(server.statistics.associationsAccepted == 1)
        }
        #expect(handler.ends == [.released])
    }

    /// One object per accepted transfer syntax, made by pydicom so that storescu sends each data set unchanged;
    /// every file the handler gets is a Part 10 file the `DICOM` reader reads, holding the sent data set.
    @Test(.enabled(if: storescu != nil && ExternalTools.hasPynetdicom, "needs dcmtk's storescu and pydicom"))
    func storescuObjectsInEveryTransferSyntaxArriveByteForByte() async throws {
        let directory = try TemporaryDirectory("storescu")
        defer { directory.remove() }
        let made = try await ExternalTools.run(
            ExternalTools.python3!, [ExternalTools.script("make_objects.py"), directory.url.appendingPathComponent("sent").path])
        #expect(made.status == 0, "\(made.output)")
        let objects = made.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(objects.count == 8)
        let handler = RecordingHandler(keptDirectory: try directory.subdirectory("kept"))
        try await withDICOMServer(handler: handler, directory: directory) { server async throws in
            for object in objects {
                let outcome = try await ExternalTools.run(
                    Self.storescu!, [object[2], "-aet", "MODALITY1", "-aec", "ANSLUT", "127.0.0.1", "\(server.localPort)", object[0]])
                #expect(outcome.status == 0, "\(object[1]): \(outcome.output)")
            }
            #expect(server.statistics.objectsStored == objects.count)
        }
        // Each association made a file ready for an object after its one; it is gone once the association ended.
        #expect(directory.files(in: "incoming").isEmpty, "\(directory.files(in: "incoming"))")
        #expect(handler.kept.count == objects.count)
        for object in objects {
            let sent = try DICOMFile.read(atPath: object[0])
            let uid = try #require(sent.mediaStorageSOPInstanceUID)
            let kept = try #require(handler.kept.first { $0.object.sopInstanceUID == uid }, "\(object[1]) not received")
            let received = try DICOMFile.read(atPath: kept.path, options: .full)
            #expect(received.transferSyntaxUID == object[1])
            #expect(received.mediaStorageSOPInstanceUID == uid)
            #expect(received.mediaStorageSOPClassUID == SOPClass.ctImage.uid)
            #expect(received.dataSet.sopInstanceUID == uid)
            #expect(received.fileMeta.string(.sourceApplicationEntityTitle) == "MODALITY1")
            #expect(received.implementationClassUID == DICOMImplementation.classUID)
            #expect(kept.object.presentationContext.transferSyntax == object[1])
            #expect(try dataSetBytes(ofPart10File: kept.path) == dataSetBytes(ofPart10File: object[0]), "\(object[1])")
            #expect(kept.object.dataSetSize == (try dataSetBytes(ofPart10File: object[0])).count)
            let digest = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: kept.path)))
            #expect(kept.object.sha256 == digest.map { String(format: "%02x", $0) }.joined(), "hashed as it was written")
            #expect(!kept.ranOnEventLoop)
        }
    }
}
