import NIOCore

/// Hands the frames of one connection to the ``MLLPMessageHandler``, one at a time, and writes back each answer.
///
/// Backpressure: while a message is being handled, while decoded frames wait their turn, or while the socket
/// cannot take more output, this handler holds back the channel's `read` calls. The socket is then not read at
/// all, so a flooding sender is paced by its own ACKs, and its bytes wait in the kernel's buffers instead of
/// in memory here. At most the frames decoded from one read cycle (a few socket reads) wait in ``waiting``.
///
/// The handler answers through a promise of the event loop, from wherever it finishes (a task of its own by
/// default); the answer is written on the event loop.
///
/// Closing: after an oversize frame's answer, after a ``Drain`` (server shutdown), and after the peer's
/// half-close once every received message is answered, the connection closes when its last write has gone
/// out. Frames still waiting at an oversize or a drain are dropped unanswered; their sender resends them.
final class MLLPConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = MLLPInboundEvent
    typealias OutboundIn = Never
    typealias OutboundOut = ByteBuffer

    /// Sent through the pipeline by ``MLLPServer/shutdown()``: answer the message being handled, then close.
    struct Drain: Sendable {}

    private let messageHandler: any MLLPMessageHandler
    private let connection: MLLPConnectionInfo
    private let counters: MLLPCounters
    private let log: MLLPLogSink?

    /// Frames decoded from the latest read that wait for the one being handled.
    private var waiting = CircularBuffer<MLLPInboundEvent>()
    private var isHandling = false
    /// A `read` the channel asked for and this handler held back.
    private var heldRead = false
    /// False after an oversize frame or a drain: later frames are dropped.
    private var acceptsFrames = true
    /// Close once nothing is being handled and nothing waits.
    private var closesWhenIdle = false
    private var isClosed = false
    private var lastWrite: EventLoopFuture<Void>?

    init(
        messageHandler: any MLLPMessageHandler,
        connection: MLLPConnectionInfo,
        counters: MLLPCounters,
        log: MLLPLogSink?
    ) {
        self.messageHandler = messageHandler
        self.connection = connection
        self.counters = counters
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let event = Self.unwrapInboundIn(data)
        if case .discarded(let byteCount) = event {
            self.counters.update { $0.discardedBytes += byteCount }
            return
        }
        guard self.acceptsFrames else { return }
        self.waiting.append(event)
        self.handleNext(context: context)
    }

    func read(context: ChannelHandlerContext) {
        if self.isHandling || !self.waiting.isEmpty || !context.channel.isWritable {
            self.heldRead = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if !self.isHandling && self.waiting.isEmpty {
            self.resumeReading(context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is Drain:
            self.stopAcceptingFrames()
            self.closeIfIdle(context: context)
        case IdleStateHandler.IdleStateEvent.read:
            // A message taking longer than the timeout is not idleness.
            guard !self.isHandling && self.waiting.isEmpty && !self.isClosed else { return }
            self.counters.update { $0.idleCloses += 1 }
            self.log?(.warning, "MLLP connection \(self.connection) closed after the idle timeout")
            self.closeAfterWrites(context: context)
        case ChannelEvent.inputClosed:
            self.closesWhenIdle = true
            self.closeIfIdle(context: context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.isClosed = true
        self.waiting.removeAll()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.log?(.debug, "MLLP connection \(self.connection) failed: \(error)")
        context.close(promise: nil)
    }

    private func handleNext(context: ChannelHandlerContext) {
        guard !self.isHandling && !self.isClosed else { return }
        guard let next = self.waiting.popFirst() else {
            if self.closesWhenIdle {
                self.closeAfterWrites(context: context)
            } else {
                self.resumeReading(context: context)
            }
            return
        }
        let handler = self.messageHandler
        let connection = self.connection
        switch next {
        case .frame(let buffer):
            self.counters.update {
                $0.frames += 1
                $0.frameBytes += buffer.readableBytes
            }
            let message = Array(buffer.readableBytesView)
            self.answer(context: context) { answer in handler.handle(message: message, connection: connection, answer: answer) }
        case .oversize(let prefix, let length):
            self.counters.update { $0.oversizeFrames += 1 }
            self.log?(.warning, "MLLP connection \(connection) sent a frame of \(length) bytes; answering and closing")
            self.stopAcceptingFrames()
            let kept = Array(prefix.readableBytesView)
            self.answer(context: context) { answer in
                Task { answer(await handler.oversize(prefix: kept, length: length, connection: connection)) }
            }
        case .discarded:
            preconditionFailure("discarded bytes are counted, never queued")
        }
    }

    /// Starts `work`, which answers once from any thread; then writes its answer and moves on to the next frame.
    private func answer(context: ChannelHandlerContext, _ work: (@escaping @Sendable ([UInt8]) -> Void) -> Void) {
        self.isHandling = true
        let promise = context.eventLoop.makePromise(of: [UInt8].self)
        promise.futureResult.assumeIsolated().whenSuccess { answer in
            self.isHandling = false
            guard !self.isClosed else { return }
            if !answer.isEmpty {
                self.counters.update { $0.answers += 1 }
                let bytes = context.channel.allocator.buffer(bytes: answer)
                self.lastWrite = context.writeAndFlush(Self.wrapOutboundOut(bytes))
            }
            self.handleNext(context: context)
        }
        work { promise.succeed($0) }
    }

    private func stopAcceptingFrames() {
        self.acceptsFrames = false
        self.closesWhenIdle = true
        self.waiting.removeAll()
    }

    private func closeIfIdle(context: ChannelHandlerContext) {
        if !self.isHandling && self.waiting.isEmpty {
            self.closeAfterWrites(context: context)
        }
    }

    private func resumeReading(context: ChannelHandlerContext) {
        if self.heldRead && context.channel.isWritable {
            self.heldRead = false
            context.read()
        }
    }

    /// Closing fails writes still pending, so the close waits for the last answer to be written.
    private func closeAfterWrites(context: ChannelHandlerContext) {
        guard !self.isClosed else { return }
        guard let lastWrite = self.lastWrite else {
            context.close(promise: nil)
            return
        }
        lastWrite.assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension MLLPConnectionHandler: Sendable {}
