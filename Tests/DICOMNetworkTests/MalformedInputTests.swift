import DICOM
import DICOMNetwork
import Testing

/// Hostile and broken byte streams on a raw socket: each gets an A-ABORT or a close, never a crash or a hang,
/// and the listener goes on serving.
@Suite("DICOM listener on malformed input", .timeLimit(.minutes(5)))
struct MalformedInputTests {
    /// Timers short enough for a test, long enough that a client on a loaded machine, with the whole suite
    /// running in parallel, still gets its first bytes in (2 seconds was seen to be too short, and 10 with other
    /// builds running beside the suite, and 15 with the suite on PostgreSQL on a loaded machine).
    static let configuration = DICOMConfiguration(artimTimeout: .seconds(30), idleTimeout: .seconds(30))

    /// Sends `bytes` on a new connection and returns the first PDU the listener answers, or `nil` when it
    /// closes without one; fails the test if it does neither within 60 seconds. With `thenEnd`, the stream
    /// ends after the bytes, so a PDU they leave unfinished is closed at once instead of by ARTIM.
    private func answer(to bytes: [UInt8], port: Int, thenEnd: Bool = false) async throws -> PDU? {
        let client = try await DICOMTestClient.connect(port: port)
        defer { Task { await client.close() } }
        try? await client.send(bytes)
        if thenEnd { try? await client.finishSending() }
        return try await client.receive(timeout: .seconds(60))
    }

    private func withServer(_ body: (DICOMServer) async throws -> Void) async throws {
        let directory = try TemporaryDirectory("malformed")
        defer { directory.remove() }
        let handler = RecordingHandler(keptDirectory: try directory.subdirectory("kept"))
        try await withDICOMServer(handler: handler, directory: directory, configuration: Self.configuration) { server async throws in
            try await body(server)
            // Still serving.
            let client = try await DICOMTestClient.connect(port: server.localPort)
            guard case .associateAccept = try await client.associate() else {
                Issue.record("no association after the malformed input")
                return
            }
            #expect(try await client.echo() == 0x0000)
            #expect(try await client.release() == .releaseResponse)
            await client.close()
            #expect(directory.files(in: "incoming").isEmpty)
        }
    }

    @Test func pduClaimingFourGigabytesIsAbortedBeforeAnyIsBuffered() async throws {
        try await self.withServer { server async throws in
            let answer = try await self.answer(to: [0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF], port: server.localPort)
            #expect(answer == .abort(.invalidPDUParameterValue))
        }
    }

    @Test func pDataBeforeTheAssociationIsAborted() async throws {
        try await self.withServer { server async throws in
            let pdata = PDUEncoder.encode(
                .data([PresentationDataValue(presentationContextID: 1, isCommand: true, isLastFragment: true, fragment: [1, 2])]))
            #expect(try await self.answer(to: pdata, port: server.localPort) == .abort(.unexpectedPDU))
        }
    }

    @Test func unknownPDUTypeIsAborted() async throws {
        try await self.withServer { server async throws in
            #expect(try await self.answer(to: [0x09, 0, 0, 0, 0, 4, 0, 0, 0, 0], port: server.localPort) == .abort(.unrecognizedPDU))
        }
    }

    @Test func truncatedPDUsAreClosedWithoutAnAnswer() async throws {
        try await self.withServer { server async throws in
            let request = PDUEncoder.encode(
                .associateRequest(
                    AssociateRequest(
                        calledAETitle: "ANSLUT", callingAETitle: "TRUNCATED", presentationContexts: [TestContexts.verification],
                        userInformation: UserInformation(maximumLength: 16384))))
            // Cut short and then silent: ARTIM closes it.
            #expect(try await self.answer(to: Array(request.prefix(40)), port: server.localPort) == nil)  // after ARTIM
            // Cut short and then the end of the stream.
            let client = try await DICOMTestClient.connect(port: server.localPort)
            try await client.send(Array(request.prefix(request.count - 1)))
            try await client.finishSending()
            #expect(try await client.receive(timeout: .seconds(60)) == nil)
            await client.close()
            #expect(server.statistics.timeouts >= 1)
        }
    }

    @Test func aPDVOnAContextThatWasNotAcceptedIsAborted() async throws {
        try await self.withServer { server async throws in
            let client = try await DICOMTestClient.connect(port: server.localPort)
            guard case .associateAccept = try await client.associate() else { Issue.record("not accepted"); return }
            try await client.sendFragments(CommandSets.echo(messageID: 1), contextID: 9, isCommand: true, fragmentLength: 100)
            #expect(try await client.receive() == .abort(.invalidPDUParameterValue))
            await client.close()
        }
    }

    @Test func aDataSetFragmentWithoutItsCommandIsAborted() async throws {
        try await self.withServer { server async throws in
            let client = try await DICOMTestClient.connect(port: server.localPort)
            guard case .associateAccept = try await client.associate() else { Issue.record("not accepted"); return }
            try await client.sendFragments([0x08, 0x00, 0x16, 0x00], contextID: 3, isCommand: false, fragmentLength: 100)
            #expect(try await client.receive() == .abort(.unexpectedPDU))
            await client.close()
        }
    }

    /// Random bytes, half of them starting like a PDU header with a small length: an abort or a close each.
    @Test(arguments: 0..<4 as Range<UInt64>)
    func randomBytesGetAnAbortOrAClose(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        try await self.withServer { server async throws in
            for _ in 0..<15 {
                var bytes = (0..<Int.random(in: 1...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                if Bool.random(using: &random), bytes.count >= 6 {
                    bytes[0] = UInt8.random(in: 1...7, using: &random)
                    let length = UInt32.random(in: 0...700, using: &random)
                    bytes.replaceSubrange(2..<6, with: withUnsafeBytes(of: length.bigEndian, Array.init))
                }
                let answer = try await self.answer(to: bytes, port: server.localPort, thenEnd: true)
                if let answer {
                    guard case .abort = answer else {
                        Issue.record("answered \(answer) to random bytes")
                        continue
                    }
                }
            }
        }
    }

    /// A valid A-ASSOCIATE-RQ with a few bytes changed: accepted, rejected, aborted or closed, never stuck;
    /// an accepted one still releases.
    @Test(arguments: 10..<14 as Range<UInt64>)
    func mutatedAssociationRequestsNeverHang(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let request = PDUEncoder.encode(
            .associateRequest(
                AssociateRequest(
                    calledAETitle: "ANSLUT", callingAETitle: "FUZZ", presentationContexts: [TestContexts.verification, TestContexts.ctExplicit],
                    userInformation: UserInformation(maximumLength: 16384, implementationClassUID: "1.2.3"))))
        try await self.withServer { server async throws in
            for _ in 0..<15 {
                var bytes = request
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                let client = try await DICOMTestClient.connect(port: server.localPort)
                try? await client.send(bytes)
                // Longer than ARTIM: a length made larger leaves the listener waiting for the rest until ARTIM.
                let answer = try await client.receive(timeout: .seconds(60))
                switch answer {
                case .associateAccept:
                    #expect(try await client.release() == .releaseResponse)
                case .associateReject, .abort, nil:
                    break
                case .some(let other):
                    Issue.record("answered \(other)")
                }
                await client.close()
            }
        }
    }
}
