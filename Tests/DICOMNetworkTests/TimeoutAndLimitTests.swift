import DICOM
import DICOMNetwork
import Testing

/// ARTIM, the idle timeout, the connection limit and the peer's maximum PDU length, over a raw socket.
@Suite("DICOM listener timers, limits and fragmentation", .timeLimit(.minutes(5)))
struct TimeoutAndLimitTests {
    private func withServer(
        _ configuration: DICOMConfiguration, handler: RecordingHandler? = nil,
        _ body: (DICOMServer, RecordingHandler, TemporaryDirectory) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory("timers")
        defer { directory.remove() }
        let handler = try handler ?? RecordingHandler(keptDirectory: directory.subdirectory("kept"))
        try await withDICOMServer(handler: handler, directory: directory, configuration: configuration) { server async throws in
            try await body(server, handler, directory)
        }
    }

    @Test func artimClosesAConnectionThatNeverAssociates() async throws {
        try await self.withServer(DICOMConfiguration(artimTimeout: .milliseconds(300))) { server, _, _ async throws in
            let client = try await DICOMTestClient.connect(port: server.localPort)
            #expect(try await client.waitForClose(timeout: .seconds(30)))
            #expect(server.statistics.timeouts == 1)
            await client.close()
        }
    }

    /// ARTIM also runs from the connect to A-ASSOCIATE-RQ, so it leaves a loaded machine time for that (2
    /// seconds was seen to be too short with the whole suite running in parallel).
    @Test func artimClosesAPeerThatStaysSilentAfterRelease() async throws {
        try await self.withServer(DICOMConfiguration(artimTimeout: .seconds(30))) { server, handler, _ async throws in
            let client = try await DICOMTestClient.connect(port: server.localPort)
            guard case .associateAccept = try await client.associate() else { Issue.record("not accepted"); return }
            #expect(try await client.release() == .releaseResponse)
            #expect(try await client.waitForClose(timeout: .seconds(60)))
            #expect(server.statistics.associationsReleased == 1)
            await client.close()
        }
    }

    /// The idle clock runs between PDUs, so the timeout leaves a loaded machine time for the echo (8 and 15 seconds
    /// were seen to be too short with the whole suite and other builds running).
    @Test func idleAssociationIsAborted() async throws {
        try await self.withServer(DICOMConfiguration(idleTimeout: .seconds(30))) { server, handler, _ async throws in
            let client = try await DICOMTestClient.connect(port: server.localPort)
            guard case .associateAccept = try await client.associate() else { Issue.record("not accepted"); return }
            #expect(try await client.echo() == 0x0000)
            #expect(try await client.receive(timeout: .seconds(60)) == .abort(Abort(source: 2, reason: 0)))
            #expect(try await client.waitForClose(timeout: .seconds(60)))
            await client.close()
        }
    }

    @Test func connectionsBeyondTheMaximumAreClosedUnread() async throws {
        try await self.withServer(DICOMConfiguration(maximumConnections: 1)) { server, _, _ async throws in
            let first = try await DICOMTestClient.connect(port: server.localPort)
            guard case .associateAccept = try await first.associate() else { Issue.record("not accepted"); return }
            let second = try await DICOMTestClient.connect(port: server.localPort)
            #expect(try await second.receive(timeout: .seconds(10)) == nil)
            #expect(try await first.echo() == 0x0000)
            #expect(server.statistics.refusedConnections == 1)
            await first.close()
            await second.close()
        }
    }

    /// The peer announces 16 bytes: every response PDU fits, the command set comes in 10-byte fragments; the
    /// client's own command and data set go in 7-byte fragments and are reassembled.
    @Test func tinyPDUsBothWays() async throws {
        try await self.withServer(DICOMConfiguration()) { server, handler, _ async throws in
            let client = try await DICOMTestClient.connect(port: server.localPort)
            guard case .associateAccept(let accept) = try await client.associate(maximumLength: 16) else {
                Issue.record("not accepted"); return
            }
            #expect(accept.userInformation.maximumLength == UInt32(DICOMConfiguration.defaultMaximumPDULength))
            let uid = "1.2.826.0.1.3680043.10.1418.7.1"
            let dataSet = ctDataSet(sopInstanceUID: uid, pixelBytes: 600)
            try await client.sendFragments(
                CommandSets.store(messageID: 7, sopClass: SOPClass.ctImage.uid, sopInstance: uid), contextID: 3,
                isCommand: true, fragmentLength: 7)
            try await client.sendFragments(dataSet, contextID: 3, isCommand: false, fragmentLength: 7)
            let response = try #require(try await client.receiveCommand())
            #expect(response.largestPDU <= 16)
            #expect(response.commandSet.uint16(CommandSets.status) == 0x0000)
            #expect(response.commandSet.uint16(CommandSets.messageIDBeingRespondedTo) == 7)
            #expect(response.commandSet.string(DICOMTag(0x0000, 0x1000)) == uid)
            #expect(try await client.release() == .releaseResponse)
            await client.close()
            let kept = try #require(handler.kept.first)
            #expect(kept.object.messageID == 7)
            #expect(try dataSetBytes(ofPart10File: kept.path) == dataSet)
            #expect(kept.object.dataSetSize == dataSet.count)
        }
    }

    /// A C-STORE whose SOP class is not its context's is refused with 0122 and never reaches the handler;
    /// the association goes on.
    @Test func storeOnTheWrongContextIsRefusedWithoutTheHandler() async throws {
        try await self.withServer(DICOMConfiguration()) { server, handler, directory async throws in
            let client = try await DICOMTestClient.connect(port: server.localPort)
            guard case .associateAccept = try await client.associate() else { Issue.record("not accepted"); return }
            let uid = "1.2.826.0.1.3680043.10.1418.7.2"
            try await client.sendFragments(
                CommandSets.store(messageID: 3, sopClass: SOPClass.ctImage.uid, sopInstance: uid), contextID: 1,
                isCommand: true, fragmentLength: 1000)
            try await client.sendFragments(ctDataSet(sopInstanceUID: uid), contextID: 1, isCommand: false, fragmentLength: 1000)
            #expect(try await client.receiveCommand()?.commandSet.uint16(CommandSets.status) == 0x0122)
            #expect(try await client.echo(messageID: 4) == 0x0000)
            #expect(try await client.release() == .releaseResponse)
            await client.close()
            #expect(handler.kept.isEmpty)
            #expect(server.statistics.storeFailures == 1)
            #expect(directory.files(in: "incoming").isEmpty)
        }
    }
}
