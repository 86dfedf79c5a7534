import MLLP
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Throughput of the MLLP listener against the Python asyncio baseline (run.sh runs both with this client).
//
//   mllp-bench serve                     listener with a trivial handler on 127.0.0.1, prints "port N"
//   mllp-bench client PORT [CONNECTIONS] [SECONDS]
//                                        that many senders, each waiting for its ACK before the next message
//                                        (as real senders do); prints "messages/s N"

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

/// Sends one message, waits for its answer, and repeats until the deadline; reports how many were answered.
final class PingPongSender: ChannelInboundHandler {
    typealias InboundIn = MLLPInboundEvent
    typealias OutboundOut = ByteBuffer

    private let message: ByteBuffer
    private let deadline: NIODeadline
    private let answered: EventLoopPromise<Int>
    private var count = 0

    init(message: ByteBuffer, deadline: NIODeadline, answered: EventLoopPromise<Int>) {
        self.message = message
        self.deadline = deadline
        self.answered = answered
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(Self.wrapOutboundOut(self.message), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .frame = Self.unwrapInboundIn(data) else { return }
        self.count += 1
        if NIODeadline.now() < self.deadline {
            context.writeAndFlush(Self.wrapOutboundOut(self.message), promise: nil)
        } else {
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.answered.succeed(self.count)
    }
}

let sampleMessage = """
    MSH|^~\\&|RIS|SU|ANSLUT|VGR|20260101120000||ADT^A08^ADT_A01|MSG1|P|2.5|||AL|NE||8859/1\r\
    EVN|A08|20260101120000\r\
    PID|1||191212121212^^^SE&1.2.752.129.2.1.3.1&ISO^NNPID||Tolvansson^Tolvan^^^^^L||19121212|M|||Storgatan 1^^Göteborg^^41101^SE\r\
    PV1|1|O|RAD^^^SU||||123456^Läkare^Lena
    """

func runClient(port: Int, connections: Int, seconds: Int) async throws {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let deadline = NIODeadline.now() + .seconds(Int64(seconds))
    let started = NIODeadline.now()
    var answeredFutures: [EventLoopFuture<Int>] = []
    for _ in 0..<connections {
        let answered = group.next().makePromise(of: Int.self)
        answeredFutures.append(answered.futureResult)
        _ = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(MLLPFrameDecoder()),
                        MessageToByteHandler(MLLPFrameEncoder()),
                        PingPongSender(message: ByteBuffer(string: sampleMessage), deadline: deadline, answered: answered),
                    ])
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
    }
    var total = 0
    for future in answeredFutures {
        total += try await future.get()
    }
    let elapsed = Double((NIODeadline.now() - started).nanoseconds) / 1e9
    print("messages \(total) seconds \((elapsed * 100).rounded() / 100)")
    print("messages/s \(Int(Double(total) / elapsed))")
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
    try await runClient(port: port, connections: values.dropFirst().first ?? 8, seconds: values.dropFirst(2).first ?? 5)
default:
    print("usage: mllp-bench serve | mllp-bench client PORT [CONNECTIONS] [SECONDS]")
}
