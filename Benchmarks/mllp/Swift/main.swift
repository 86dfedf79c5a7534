import MLLP
import NIOCore
import NIOPosix
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Throughput of the MLLP listener against the Python asyncio baseline (run.sh runs both with this client).
//
//   mllp-bench serve                     listener with a trivial handler on 127.0.0.1, prints "port N"
//   mllp-bench client PORT [CONNECTIONS] [SECONDS] [--demo]
//                                        that many senders, each waiting for its ACK before the next message
//                                        (as real senders do); prints "messages/s N" and the ACK codes. With
//                                        --demo each message is the demo verification account's (MSH-3 DEMORIS,
//                                        MSH-4 DEMOHOSP) with its own MSH-10, so `anslut demo` checks and stores
//                                        every one (a repeated MSH-10 would be answered from the first)

/// Returns a fixed small ACK at once: measures the listener, not storage.
struct FixedAckHandler: MLLPMessageHandler {
    static let ack = Array("MSH|^~\\&|ANSLUT|VGR|RIS|SU|20260101120000||ACK^A08^ACK|ACK1|P|2.5\rMSA|AA|MSG1\r".utf8)

    func handle(message: [UInt8], connection: MLLPConnectionInfo) async -> [UInt8] {
        Self.ack
    }

    func oversize(prefix: [UInt8], length: Int, connection: MLLPConnectionInfo) async -> [UInt8] {
        []
    }
}

/// Sends a message, waits for its answer, and repeats until the deadline; counts the answers by MSA-1.
final class PingPongSender: ChannelInboundHandler {
    typealias InboundIn = MLLPInboundEvent
    typealias OutboundOut = ByteBuffer

    private let message: (Int) -> ByteBuffer
    private let deadline: NIODeadline
    private let answered: EventLoopPromise<[String: Int]>
    private var sent = 0
    private var codes: [String: Int] = [:]

    /// `message(n)` is the n-th message of this connection.
    init(message: @escaping (Int) -> ByteBuffer, deadline: NIODeadline, answered: EventLoopPromise<[String: Int]>) {
        self.message = message
        self.deadline = deadline
        self.answered = answered
    }

    func channelActive(context: ChannelHandlerContext) {
        send(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .frame(let frame) = Self.unwrapInboundIn(data) else { return }
        codes[Self.acknowledgementCode(frame), default: 0] += 1
        if NIODeadline.now() < self.deadline {
            send(context)
        } else {
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.answered.succeed(codes)
    }

    private func send(_ context: ChannelHandlerContext) {
        sent += 1
        context.writeAndFlush(Self.wrapOutboundOut(message(sent)), promise: nil)
    }

    /// MSA-1 of an ACK: the text after "MSA|" up to the next field separator.
    private static func acknowledgementCode(_ frame: ByteBuffer) -> String {
        let text = String(buffer: frame)
        guard let msa = text.range(of: "\rMSA|") else { return "?" }
        return String(text[msa.upperBound...].prefix { $0 != "|" && $0 != "\r" })
    }
}

/// The demo verification account's ADT^A08 for Skatteverket's test personnummer, with the control id `control`.
func demoMessage(_ control: String) -> ByteBuffer {
    ByteBuffer(string: "MSH|^~\\&|DEMORIS|DEMOHOSP|BFR|VGR|20261206101500||ADT^A08|\(control)|T|2.5|||||SE|UNICODE UTF-8\r"
        + "EVN|A08|20261206\rPID|1||189001019802^^^&1.2.752.129.2.1.3.1&ISO^PI||Åberg^Märta||18900101|F\rPV1|1|O\r")
}

let sampleMessage = """
    MSH|^~\\&|RIS|SU|ANSLUT|VGR|20260101120000||ADT^A08^ADT_A01|MSG1|P|2.5|||AL|NE||8859/1\r\
    EVN|A08|20260101120000\r\
    PID|1||191212121212^^^SE&1.2.752.129.2.1.3.1&ISO^NNPID||Tolvansson^Tolvan^^^^^L||19121212|M|||Storgatan 1^^Göteborg^^41101^SE\r\
    PV1|1|O|RAD^^^SU||||123456^Läkare^Lena
    """

func runClient(port: Int, connections: Int, seconds: Int, demo: Bool) async throws {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let deadline = NIODeadline.now() + .seconds(Int64(seconds))
    let started = NIODeadline.now()
    var answeredFutures: [EventLoopFuture<[String: Int]>] = []
    // Control ids unique across runs too, so a second run against the same database is not answered from the first.
    let run = UInt64(Date().timeIntervalSince1970 * 1000)
    for connection in 0..<connections {
        let answered = group.next().makePromise(of: [String: Int].self)
        let fixed = ByteBuffer(string: sampleMessage)
        let message: (Int) -> ByteBuffer = demo ? { demoMessage("B\(run)-\(connection)-\($0)") } : { _ in fixed }
        answeredFutures.append(answered.futureResult)
        _ = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(MLLPFrameDecoder()),
                        MessageToByteHandler(MLLPFrameEncoder()),
                        PingPongSender(message: message, deadline: deadline, answered: answered),
                    ])
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
    }
    var codes: [String: Int] = [:]
    for future in answeredFutures {
        codes.merge(try await future.get(), uniquingKeysWith: +)
    }
    let total = codes.values.reduce(0, +)
    let elapsed = Double((NIODeadline.now() - started).nanoseconds) / 1e9
    print("messages \(total) seconds \((elapsed * 100).rounded() / 100)")
    print("messages/s \(Int(Double(total) / elapsed))")
    print("acknowledgements " + codes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    try await group.shutdownGracefully()
}

/// Writes `line` to standard output at once: run.sh reads it while this process keeps running, and `print` to
/// a file is buffered until exit.
func announce(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "serve":
    let server = try await MLLPServer.start(host: "127.0.0.1", port: 0, handler: FixedAckHandler())
    announce("port \(server.localPort)")
    // Runs until run.sh ends the process.
    while true {
        try await Task.sleep(for: .seconds(3600))
    }
case "client":
    let values = arguments.dropFirst().compactMap { Int($0) }
    guard let port = values.first else {
        fatalError("usage: mllp-bench client PORT [CONNECTIONS] [SECONDS]")
    }
    try await runClient(
        port: port, connections: values.dropFirst().first ?? 8, seconds: values.dropFirst(2).first ?? 5,
        demo: arguments.contains("--demo"))
default:
    print("usage: mllp-bench serve | mllp-bench client PORT [CONNECTIONS] [SECONDS] [--demo]")
}
