import DICOM
import NIOCore

/// Runs one connection through the upper-layer states of PS3.8 9.2 that an acceptor passes: waiting for
/// A-ASSOCIATE-RQ (ARTIM running), negotiating (the handler's ``DICOMAssociationHandler/admit(_:)`` running),
/// established (P-DATA, release, abort), and closing (A-ASSOCIATE-RJ, A-RELEASE-RP or A-ABORT sent, ARTIM
/// running until the peer closes). The association's own work is in the `+Negotiation` and `+Messages`
/// extensions; this file holds the order of work, backpressure, timers and closing.
///
/// Order: PDUs, and the PDVs inside each P-DATA-TF, are handled one at a time in arrival order. While an
/// asynchronous step must finish first (admission, or a stored object's response) the rest wait in
/// ``waiting`` and ``fragments``.
///
/// Backpressure: the channel's `read` calls are held back while work waits, while more than one PDU's worth
/// of fragments is on its way to disk, or while the socket cannot take more output. The peer's bytes then
/// wait in the kernel's buffers, so an association holds about three PDUs in memory whatever the size of
/// the object it sends.
final class DICOMConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = InboundPDU
    typealias OutboundIn = Never
    typealias OutboundOut = ByteBuffer

    /// Sent through the pipeline by ``DICOMServer/shutdown()``: answer the message being received, then abort.
    struct Drain: Sendable {}

    enum Phase {
        /// Sta2: connected, ARTIM running until A-ASSOCIATE-RQ.
        case awaitingRequest
        /// A-ASSOCIATE-RQ received, the handler deciding.
        case negotiating(AssociationInfo)
        /// Sta6: A-ASSOCIATE-AC sent.
        case established(Association)
        /// Sta13: RJ, RP or ABORT sent; input is dropped and ARTIM runs until the peer closes.
        case closing
        case closed
    }

    /// What an established association knows.
    struct Association {
        let info: AssociationInfo
        let contexts: [UInt8: AcceptedPresentationContext]
        /// The peer's maximum P-DATA-TF variable field; 0 for no limit.
        let peerMaximumLength: UInt32
        var message: MessageState = .idle
    }

    /// Where the association is within a DIMSE message (PS3.7 9.3: a command set, then maybe a data set).
    enum MessageState {
        /// Between messages.
        case idle
        /// Command fragments so far, all on `contextID`.
        case command(contextID: UInt8, bytes: [UInt8])
        /// The command is read; its data set is arriving.
        case dataSet(DataSetReception)
        /// The data set is complete; its response waits for the disk or the handler.
        case answering
    }

    /// A data set being received, and where its bytes go.
    struct DataSetReception {
        let command: DIMSECommand
        let context: AcceptedPresentationContext
        var destination: Destination

        enum Destination {
            /// A C-STORE's object, streamed to its Part 10 file.
            case file(IncomingObjectFile)
            /// Read and dropped; `status` is the answer once the last fragment is in.
            case discard(DIMSEStatus)
        }
    }

    let environment: DICOMConnectionEnvironment
    let peer: DICOMPeer
    var phase: Phase = .awaitingRequest
    /// PDUs decoded from the latest reads that wait for the current step.
    var waiting = CircularBuffer<InboundPDU>()
    /// The rest of the P-DATA-TF being handled; handled before ``waiting``.
    var fragments = CircularBuffer<PDVFragment>()
    /// An asynchronous step (admission, a stored object's response) holds the work back.
    var isBusy = false
    /// Fragment bytes handed to the disk and not yet written.
    var bytesOnTheirWayToDisk = 0
    /// Shutdown asked to abort at the next message boundary.
    var isDraining = false
    /// A `read` the channel asked for and this handler held back.
    private var heldRead = false
    private var artim: Scheduled<Void>?
    private var lastWrite: EventLoopFuture<Void>?
    /// The empty file the association's next object goes into (`IncomingObjectFile.Spare`).
    var spare: IncomingObjectFile.Spare?

    init(environment: DICOMConnectionEnvironment, peer: DICOMPeer) {
        self.environment = environment
        self.peer = peer
    }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.startARTIM(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if self.artim == nil { self.startARTIM(context: context) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let event = Self.unwrapInboundIn(data)
        switch self.phase {
        case .closing:
            // Sta13 drops everything but an abort, which ends the wait for the peer to close.
            if case .pdu(.abort) = event { context.close(promise: nil) }
        case .closed:
            break
        case .awaitingRequest, .negotiating, .established:
            self.waiting.append(event)
            self.handleWork(context: context)
        }
    }

    func read(context: ChannelHandlerContext) {
        if self.holdsReads(context: context) {
            self.heldRead = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        self.resumeReading(context: context)
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is Drain:
            self.drain(context: context)
        case IdleStateHandler.IdleStateEvent.read:
            self.idleTimeoutFired(context: context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.artim?.cancel()
        if case .established(let association) = self.phase {
            self.discardPartialObject(association)
            self.notifyEnd(association.info, .connectionLost)
        }
        self.discardSpare(context: context)
        self.phase = .closed
        self.waiting.removeAll()
        self.fragments.removeAll()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.environment.log?(.debug, "DICOM connection \(self.peer) failed: \(error)")
        context.close(promise: nil)
    }

    // MARK: - Order of work

    /// Handles waiting work until a step goes asynchronous or nothing is left, then reads on.
    func handleWork(context: ChannelHandlerContext) {
        while !self.isBusy {
            if let fragment = self.fragments.popFirst() {
                self.handleFragment(fragment, context: context)
            } else if let event = self.waiting.popFirst() {
                self.handleEvent(event, context: context)
            } else {
                break
            }
        }
        self.resumeReading(context: context)
    }

    private func handleEvent(_ event: InboundPDU, context: ChannelHandlerContext) {
        switch (self.phase, event) {
        case (.closing, _), (.closed, _):
            break
        case (_, .invalid(let error, let abort)):
            self.abort(abort, because: "\(error)", context: context)
        case (.awaitingRequest, .pdu(.associateRequest(let request))):
            self.artim?.cancel()
            self.negotiate(request, context: context)
        case (.established, .data(let body)):
            do {
                self.fragments.append(contentsOf: try PDVReader.fragments(of: body))
            } catch {
                self.abort(.invalidPDUParameterValue, because: error.description, context: context)
            }
        case (.established(let association), .pdu(.releaseRequest)):
            self.release(association, context: context)
        case (_, .pdu(.abort(let abort))):
            self.peerAborted(abort, context: context)
        case (_, .pdu(let pdu)):
            self.abort(.unexpectedPDU, because: "unexpected PDU type \(pdu.type)", context: context)
        case (_, .data):
            self.abort(.unexpectedPDU, because: "P-DATA-TF before the association was accepted", context: context)
        }
    }

    // MARK: - Backpressure

    private func holdsReads(context: ChannelHandlerContext) -> Bool {
        switch self.phase {
        case .closing, .closed:
            // Reading on lets the peer's close be seen; what arrives is dropped.
            return false
        case .awaitingRequest, .negotiating, .established:
            return self.isBusy || !self.waiting.isEmpty || !self.fragments.isEmpty
                || self.bytesOnTheirWayToDisk > self.environment.configuration.maximumPDULength
                || !context.channel.isWritable
        }
    }

    func resumeReading(context: ChannelHandlerContext) {
        if self.heldRead && !self.holdsReads(context: context) {
            self.heldRead = false
            context.read()
        }
    }

    // MARK: - Writing and closing

    func send(_ bytes: ByteBuffer, context: ChannelHandlerContext) {
        self.lastWrite = context.writeAndFlush(Self.wrapOutboundOut(bytes))
    }

    func send(_ pdu: PDU, context: ChannelHandlerContext) {
        self.send(OutboundPDU.bytes(of: pdu, allocator: context.channel.allocator), context: context)
    }

    /// Sta13: the last PDU is sent; drop further input and close when the peer does or when ARTIM runs out.
    func enterClosing(context: ChannelHandlerContext) {
        self.leaveAssociation(context: context)
        self.isBusy = false
        self.waiting.removeAll()
        self.fragments.removeAll()
        self.startARTIM(context: context)
        self.resumeReading(context: context)
    }

    /// Ends the association, if there was one, and frees its slot for the next.
    private func leaveAssociation(context: ChannelHandlerContext) {
        self.phase = .closing
        self.environment.registry.freeAssociationSlot(self.peer.connectionID)
        self.discardSpare(context: context)
    }

    /// Closing fails writes still pending, so the close waits for the last one to be written.
    func closeAfterWrites(context: ChannelHandlerContext) {
        guard let lastWrite = self.lastWrite else {
            context.close(promise: nil)
            return
        }
        lastWrite.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    /// Sends A-ABORT for a protocol error and waits in Sta13 for the peer to close.
    func abort(_ abort: Abort, because problem: String, context: ChannelHandlerContext) {
        self.environment.log?(.warning, "DICOM connection \(self.peer) aborted: \(problem)")
        self.environment.counters.update { $0.associationsAborted += 1 }
        if case .established(let association) = self.phase {
            self.discardPartialObject(association)
            self.notifyEnd(association.info, .abortedForProtocolError(problem))
        }
        self.send(.abort(abort), context: context)
        self.enterClosing(context: context)
    }

    private func peerAborted(_ abort: Abort, context: ChannelHandlerContext) {
        self.environment.counters.update { $0.associationsAborted += 1 }
        if case .established(let association) = self.phase {
            self.environment.log?(.warning, "DICOM association \(association.info) aborted by the peer")
            self.discardPartialObject(association)
            self.notifyEnd(association.info, .abortedByPeer(source: abort.source, reason: abort.reason))
        }
        self.leaveAssociation(context: context)
        context.close(promise: nil)
    }

    private func release(_ association: Association, context: ChannelHandlerContext) {
        // A release in the middle of a data set loses that object; it was not acknowledged, so the sender
        // still has it.
        self.discardPartialObject(association)
        self.environment.counters.update { $0.associationsReleased += 1 }
        self.environment.log?(.debug, "DICOM association \(association.info) released")
        self.notifyEnd(association.info, .released)
        self.send(.releaseResponse, context: context)
        self.enterClosing(context: context)
    }

    // MARK: - Timers and shutdown

    private func startARTIM(context: ChannelHandlerContext) {
        self.artim?.cancel()
        let timeout = TimeAmount(self.environment.configuration.artimTimeout)
        self.artim = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            switch self.phase {
            case .awaitingRequest, .closing:
                self.environment.counters.update { $0.timeouts += 1 }
                self.environment.log?(.warning, "DICOM connection \(self.peer) closed by ARTIM")
                context.close(promise: nil)
            case .negotiating, .established, .closed:
                break
            }
        }
    }

    private func idleTimeoutFired(context: ChannelHandlerContext) {
        // A store being answered or a disk catching up is not the peer's silence.
        guard case .established(let association) = self.phase, !self.isBusy, self.bytesOnTheirWayToDisk == 0,
            self.waiting.isEmpty, self.fragments.isEmpty
        else { return }
        self.environment.counters.update {
            $0.timeouts += 1
            $0.associationsAborted += 1
        }
        self.environment.log?(.warning, "DICOM association \(association.info) aborted after the idle timeout")
        self.discardPartialObject(association)
        self.notifyEnd(association.info, .abortedAfterIdleTimeout)
        // The peer is silent, so nothing it sends can be lost by closing at once.
        self.send(.abort(Abort(source: 2, reason: 0)), context: context)
        self.leaveAssociation(context: context)
        self.closeAfterWrites(context: context)
    }

    private func drain(context: ChannelHandlerContext) {
        self.isDraining = true
        switch self.phase {
        case .awaitingRequest:
            context.close(promise: nil)
        case .established(let association):
            if case .idle = association.message, !self.isBusy {
                self.abortForShutdown(association, context: context)
            }
        case .negotiating, .closing, .closed:
            // Negotiation answers the drain when the handler has decided; closing ends on its own.
            break
        }
    }

    /// Aborts between messages: nothing is half received and every answer is written.
    func abortForShutdown(_ association: Association, context: ChannelHandlerContext) {
        self.environment.counters.update { $0.associationsAborted += 1 }
        self.notifyEnd(association.info, .abortedForShutdown)
        self.send(.abort(.byServiceUser), context: context)
        self.leaveAssociation(context: context)
        self.closeAfterWrites(context: context)
    }

    // MARK: - Work that outlives the event

    /// Runs `work` off the event loop, counted for shutdown, then `then` back on it.
    func runOffLoop<Result: Sendable>(
        context: ChannelHandlerContext,
        _ work: @escaping @Sendable () async -> Result,
        then: @escaping (Result) -> Void
    ) {
        let registry = self.environment.registry
        registry.beginWork()
        let promise = context.eventLoop.makePromise(of: Result.self)
        promise.completeWithTask {
            let result = await work()
            registry.endWork()
            return result
        }
        promise.futureResult.assumeIsolated().whenSuccess(then)
    }

    func notifyEnd(_ association: AssociationInfo, _ end: AssociationEnd) {
        let handler = self.environment.handler
        let registry = self.environment.registry
        registry.beginWork()
        Task {
            await handler.associationEnded(association, end)
            registry.endWork()
        }
    }
}

@available(*, unavailable)
extension DICOMConnectionHandler: Sendable {}
