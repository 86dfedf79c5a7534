import DICOM
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A DICOM peer over a real socket, built from the `DICOM` target's codec: it sends whatever bytes a test
/// builds, well-formed or not, and reads back whole PDUs.
final class DICOMTestClient: Sendable {
    /// What the socket delivered so far.
    private struct Inbox {
        var bytes: [UInt8] = []
        var isClosed = false
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let inbox = NIOLockedValueBox(Inbox())

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = Self.unwrapInboundIn(data)
            self.inbox.withLockedValue { $0.bytes += buffer.readableBytesView }
        }

        func channelInactive(context: ChannelHandlerContext) {
            self.inbox.withLockedValue { $0.isClosed = true }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }

    /// The receive wait ran out.
    struct Timeout: Error {}

    private let channel: any Channel
    private let collector: Collector

    private init(channel: any Channel, collector: Collector) {
        self.channel = channel
        self.collector = collector
    }

    static func connect(port: Int) async throws -> DICOMTestClient {
        let collector = Collector()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return DICOMTestClient(channel: channel, collector: collector)
    }

    func send(_ bytes: [UInt8]) async throws {
        try await self.channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    func send(_ pdu: PDU) async throws {
        try await self.send(PDUEncoder.encode(pdu))
    }

    /// Closes the sending side only: the server sees the end of the stream.
    func finishSending() async throws {
        try await self.channel.close(mode: .output)
    }

    func close() async {
        try? await self.channel.close()
    }

    /// The next whole PDU's bytes, or `nil` once the server closed the connection without sending one.
    func receivePDUBytes(timeout: Duration = .seconds(20)) async throws -> [UInt8]? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let next: [UInt8]?? = self.collector.inbox.withLockedValue { inbox in
                if inbox.bytes.count >= 6 {
                    let length = inbox.bytes[2..<6].reduce(0) { $0 << 8 | Int($1) }
                    if inbox.bytes.count >= 6 + length {
                        defer { inbox.bytes.removeFirst(6 + length) }
                        return .some(Array(inbox.bytes[0..<(6 + length)]))
                    }
                }
                return inbox.isClosed ? .some(nil) : nil
            }
            if let next { return next }
            guard ContinuousClock.now < deadline else { throw Timeout() }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The next PDU decoded, or `nil` at the end of the stream.
    func receive(timeout: Duration = .seconds(20)) async throws -> PDU? {
        guard let bytes = try await self.receivePDUBytes(timeout: timeout) else { return nil }
        return try PDUDecoder.decode(bytes)
    }

    /// Waits for the server to close the connection, dropping what it sends; `true` if it closed in time.
    func waitForClose(timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if self.collector.inbox.withLockedValue({ $0.isClosed }) { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    // MARK: - Association and DIMSE

    /// Sends A-ASSOCIATE-RQ and returns the answer.
    func associate(
        calling: String = "TESTSCU", called: String = "ANSLUT",
        contexts: [ProposedPresentationContext] = [TestContexts.verification, TestContexts.ctExplicit],
        maximumLength: UInt32 = 16384
    ) async throws -> PDU? {
        try await self.send(
            .associateRequest(
                AssociateRequest(
                    calledAETitle: called, callingAETitle: calling, presentationContexts: contexts,
                    userInformation: UserInformation(
                        maximumLength: maximumLength, implementationClassUID: "1.2.3.4", implementationVersionName: "TEST"))))
        return try await self.receive()
    }

    /// Sends `bytes` as command (or data set) fragments of at most `fragmentLength` bytes, one PDV per PDU.
    func sendFragments(_ bytes: [UInt8], contextID: UInt8, isCommand: Bool, fragmentLength: Int) async throws {
        var start = 0
        repeat {
            let end = min(bytes.count, start + fragmentLength)
            let value = PresentationDataValue(
                presentationContextID: contextID, isCommand: isCommand, isLastFragment: end == bytes.count,
                fragment: Array(bytes[start..<end]))
            try await self.send(.data([value]))
            start = end
        } while start < bytes.count
    }

    /// Reads one response command set, reassembled from its fragments, and the largest P-DATA-TF variable
    /// field it came in.
    func receiveCommand() async throws -> (commandSet: DataSet, largestPDU: Int)? {
        var bytes: [UInt8] = []
        var largest = 0
        while let pdu = try await self.receivePDUBytes() {
            largest = max(largest, pdu.count - 6)
            guard case .data(let values) = try PDUDecoder.decode(pdu) else { return nil }
            for value in values {
                bytes += value.fragment
                if value.isCommand && value.isLastFragment {
                    return (try DataSet.read(from: bytes, transferSyntax: .implicitVRLittleEndian), largest)
                }
            }
        }
        return nil
    }

    /// Sends C-ECHO-RQ and returns the response's status.
    func echo(messageID: UInt16 = 1, contextID: UInt8 = 1) async throws -> UInt16? {
        try await self.sendFragments(
            CommandSets.echo(messageID: messageID), contextID: contextID, isCommand: true, fragmentLength: 1 << 16)
        return try await self.receiveCommand()?.commandSet.uint16(CommandSets.status)
    }

    /// Sends A-RELEASE-RQ and returns the answer.
    func release() async throws -> PDU? {
        try await self.send(.releaseRequest)
        return try await self.receive()
    }
}

/// Presentation contexts the tests propose.
enum TestContexts {
    static let verification = ProposedPresentationContext(
        id: 1, abstractSyntax: SOPClass.verification.uid, transferSyntaxes: [TransferSyntax.implicitVRLittleEndian.uid])
    static let ctExplicit = ProposedPresentationContext(
        id: 3, abstractSyntax: SOPClass.ctImage.uid, transferSyntaxes: [TransferSyntax.explicitVRLittleEndian.uid])
}

/// Command sets (PS3.7 9.3), Implicit VR Little Endian with their group length.
enum CommandSets {
    static let status = DICOMTag(0x0000, 0x0900)
    static let messageIDBeingRespondedTo = DICOMTag(0x0000, 0x0120)

    static func echo(messageID: UInt16) -> [UInt8] {
        var elements = DataSetWriter()
        elements.set(DICOMTag(0x0000, 0x0002), .UI, .text(SOPClass.verification.uid))
        elements.set(DICOMTag(0x0000, 0x0100), .US, .uint16([0x0030]))
        elements.set(DICOMTag(0x0000, 0x0110), .US, .uint16([messageID]))
        elements.set(DICOMTag(0x0000, 0x0800), .US, .uint16([0x0101]))
        return withGroupLength(elements)
    }

    static func store(messageID: UInt16, sopClass: String, sopInstance: String) -> [UInt8] {
        var elements = DataSetWriter()
        elements.set(DICOMTag(0x0000, 0x0002), .UI, .text(sopClass))
        elements.set(DICOMTag(0x0000, 0x0100), .US, .uint16([0x0001]))
        elements.set(DICOMTag(0x0000, 0x0110), .US, .uint16([messageID]))
        elements.set(DICOMTag(0x0000, 0x0700), .US, .uint16([0]))
        elements.set(DICOMTag(0x0000, 0x0800), .US, .uint16([0x0000]))
        elements.set(DICOMTag(0x0000, 0x1000), .UI, .text(sopInstance))
        return withGroupLength(elements)
    }

    private static func withGroupLength(_ elements: DataSetWriter) -> [UInt8] {
        let body = elements.encoded(as: .implicitVRLittleEndian)
        var groupLength = DataSetWriter()
        groupLength.set(DICOMTag(0x0000, 0x0000), .UL, .uint32([UInt32(body.count)]))
        return groupLength.encoded(as: .implicitVRLittleEndian) + body
    }
}

/// A small CT data set in Explicit VR Little Endian with `pixelBytes` of pixel data.
func ctDataSet(sopInstanceUID: String, pixelBytes: Int = 1024) -> [UInt8] {
    var dataSet = DataSetWriter()
    dataSet.set(.sopClassUID, SOPClass.ctImage.uid)
    dataSet.set(.sopInstanceUID, sopInstanceUID)
    dataSet.set(.modality, "CT")
    dataSet.set(.patientID, "191212121212")
    dataSet.set(.pixelData, .OW, .bytes((0..<pixelBytes).map { UInt8(truncatingIfNeeded: $0) }))
    return dataSet.encoded(as: .explicitVRLittleEndian)
}
