import MLLP
import NIOCore
import NIOPosix

/// One MLLP sender connection over a real socket, built from the listener's own codec.
final class MLLPTestConnection {
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var inbound: NIOAsyncChannelInboundStream<MLLPInboundEvent>.AsyncIterator

    init(
        inbound: NIOAsyncChannelInboundStream<MLLPInboundEvent>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.inbound = inbound
        self.outbound = outbound
    }

    func send(_ message: String) async throws {
        try await self.outbound.write(ByteBuffer(string: message))
    }

    /// The next answer, or `nil` once the server closed the connection.
    func receive() async throws -> String? {
        while let event = try await self.inbound.next() {
            if case .frame(let answer) = event {
                return String(buffer: answer)
            }
        }
        return nil
    }

    func exchange(_ message: String) async throws -> String? {
        try await self.send(message)
        return try await self.receive()
    }
}

/// Connects to `127.0.0.1:port`, runs `body`, and closes the connection. With `halfClosure`,
/// `outbound.finish()` closes only the sending side.
func withMLLPConnection<Result: Sendable>(
    port: Int,
    halfClosure: Bool = false,
    _ body: (MLLPTestConnection) async throws -> Result
) async throws -> Result {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandlers([
                    ByteToMessageHandler(MLLPFrameDecoder()),
                    MessageToByteHandler(MLLPFrameEncoder()),
                ])
                return try NIOAsyncChannel<MLLPInboundEvent, ByteBuffer>(
                    wrappingChannelSynchronously: channel,
                    configuration: .init(isOutboundHalfClosureEnabled: halfClosure)
                )
            }
        }
    return try await channel.executeThenClose { inbound, outbound in
        try await body(MLLPTestConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound))
    }
}
