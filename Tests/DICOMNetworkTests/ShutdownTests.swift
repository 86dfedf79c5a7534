import DICOM
import DICOMNetwork
import Testing

/// Shutdown with an object in flight: answered if it can be within the grace period, else the connection
/// closes; either way no partial file is left and the handler's final path holds a complete object or none.
@Suite("DICOM listener shutdown", .timeLimit(.minutes(3)))
struct ShutdownTests {
    private static let uid = "1.2.826.0.1.3680043.10.1418.7.3"

    private func startStore(_ client: DICOMTestClient, dataSet: [UInt8], sendingAll: Bool = true) async throws {
        guard case .associateAccept = try await client.associate() else { throw DICOMTestClient.Timeout() }
        try await client.sendFragments(
            CommandSets.store(messageID: 1, sopClass: SOPClass.ctImage.uid, sopInstance: Self.uid), contextID: 3,
            isCommand: true, fragmentLength: 4000)
        let sent = sendingAll ? dataSet : Array(dataSet.prefix(dataSet.count / 2))
        for start in stride(from: 0, to: sent.count, by: 4000) {
            let end = min(sent.count, start + 4000)
            try await client.send(
                .data([PresentationDataValue(
                    presentationContextID: 3, isCommand: false, isLastFragment: sendingAll && end == sent.count,
                    fragment: Array(sent[start..<end]))]))
        }
    }

    @Test func theObjectInFlightIsAnsweredThenTheAssociationAborted() async throws {
        let directory = try TemporaryDirectory("shutdown-answer")
        defer { directory.remove() }
        let handler = GatedHandler(keptDirectory: try directory.subdirectory("kept"))
        var configuration = DICOMConfiguration(shutdownGracePeriod: .seconds(30))
        configuration.temporaryDirectory = directory.url.appendingPathComponent("incoming")
        let server = try await DICOMServer.start(host: "127.0.0.1", port: 0, configuration: configuration, handler: handler)
        let client = try await DICOMTestClient.connect(port: server.localPort)
        let dataSet = ctDataSet(sopInstanceUID: Self.uid, pixelBytes: 50_000)
        try await self.startStore(client, dataSet: dataSet)
        var arrivals = handler.arrivals.makeAsyncIterator()
        #expect(await arrivals.next()?.sopInstanceUID == Self.uid)
        async let stopped: Void = server.shutdown()
        try await Task.sleep(for: .milliseconds(100))
        handler.open()
        #expect(try await client.receiveCommand()?.commandSet.uint16(CommandSets.status) == 0x0000)
        #expect(try await client.receive() == .abort(.byServiceUser))
        await client.close()
        await stopped
        #expect(try dataSetBytes(ofPart10File: directory.url.appendingPathComponent("kept/\(Self.uid).dcm").path) == dataSet)
        #expect(directory.files(in: "incoming").isEmpty)
        await #expect(throws: (any Error).self) { try await DICOMTestClient.connect(port: server.localPort) }
    }

    @Test func aStoreStuckPastTheGracePeriodLosesItsConnectionButNotItsObject() async throws {
        let directory = try TemporaryDirectory("shutdown-stuck")
        defer { directory.remove() }
        let handler = GatedHandler(keptDirectory: try directory.subdirectory("kept"))
        var configuration = DICOMConfiguration(shutdownGracePeriod: .milliseconds(200))
        configuration.temporaryDirectory = directory.url.appendingPathComponent("incoming")
        let server = try await DICOMServer.start(host: "127.0.0.1", port: 0, configuration: configuration, handler: handler)
        let client = try await DICOMTestClient.connect(port: server.localPort)
        let dataSet = ctDataSet(sopInstanceUID: Self.uid, pixelBytes: 50_000)
        try await self.startStore(client, dataSet: dataSet)
        var arrivals = handler.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        async let stopped: Void = server.shutdown()
        #expect(try await client.waitForClose(timeout: .seconds(20)))
        // Shutdown waits for the handler call: the handler finishes storing, unanswered, and the sender,
        // which got no status, sends the object again later.
        handler.open()
        await stopped
        #expect(try dataSetBytes(ofPart10File: directory.url.appendingPathComponent("kept/\(Self.uid).dcm").path) == dataSet)
        #expect(directory.files(in: "incoming").isEmpty)
        await client.close()
    }

    @Test func aHalfReceivedObjectIsRemovedAndNeverHandedOver() async throws {
        let directory = try TemporaryDirectory("shutdown-half")
        defer { directory.remove() }
        let handler = GatedHandler(keptDirectory: try directory.subdirectory("kept"))
        handler.open()
        var configuration = DICOMConfiguration(shutdownGracePeriod: .milliseconds(300))
        configuration.temporaryDirectory = directory.url.appendingPathComponent("incoming")
        let server = try await DICOMServer.start(host: "127.0.0.1", port: 0, configuration: configuration, handler: handler)
        let client = try await DICOMTestClient.connect(port: server.localPort)
        try await self.startStore(client, dataSet: ctDataSet(sopInstanceUID: Self.uid, pixelBytes: 50_000), sendingAll: false)
        // The half object is on its way to disk before the shutdown starts.
        try await Task.sleep(for: .milliseconds(200))
        await server.shutdown()
        #expect(try await client.waitForClose(timeout: .seconds(10)))
        #expect(directory.files(in: "incoming").isEmpty)
        #expect(directory.files(in: "kept").isEmpty)
        await client.close()
    }
}
