import DICOM
import Foundation
import NIOCore

/// DIMSE messages on an established association (PS3.7 9.3, PS3.8 9.3.5): command fragments reassembled,
/// data set fragments streamed to disk or dropped, and each request answered on its presentation context.
extension DICOMConnectionHandler {
    /// Command sets are a few hundred bytes; a larger one is a broken or hostile peer, not a reason to
    /// buffer without end.
    static let maximumCommandSetLength = 64 << 10

    func handleFragment(_ fragment: PDVFragment, context: ChannelHandlerContext) {
        guard case .established(let association) = self.phase else { return }
        let id = fragment.presentationContextID
        guard let presentationContext = association.contexts[id] else {
            self.abort(
                .invalidPDUParameterValue, because: "a PDV names presentation context \(id), which was not accepted",
                context: context)
            return
        }
        switch association.message {
        case .idle, .command:
            self.handleCommandFragment(fragment, association, presentationContext, context: context)
        case .dataSet(var reception):
            guard !fragment.isCommand else {
                self.abort(.unexpectedPDU, because: "a command fragment inside a data set", context: context)
                return
            }
            if id != reception.context.id, case .file(let file) = reception.destination {
                self.discard(file)
                reception.destination = .discard(
                    DIMSEStatus.cannotUnderstand.withComment("data set fragments on two presentation contexts"))
            }
            if case .file(let file) = reception.destination {
                self.write(fragment.bytes, to: file, context: context)
            }
            if fragment.isLastFragment {
                self.setMessage(.answering)
                self.answer(reception, peerMaximumLength: association.peerMaximumLength, context: context)
            } else {
                self.setMessage(.dataSet(reception))
            }
        case .answering:
            // Work waits while a message is being answered, so no fragment comes here then.
            break
        }
    }

    private func handleCommandFragment(
        _ fragment: PDVFragment, _ association: Association, _ presentationContext: AcceptedPresentationContext,
        context: ChannelHandlerContext
    ) {
        var bytes: [UInt8] = []
        if case .command(let commandContextID, let previous) = association.message {
            guard commandContextID == fragment.presentationContextID else {
                self.abort(.invalidPDUParameterValue, because: "command fragments on two presentation contexts", context: context)
                return
            }
            bytes = previous
        }
        guard fragment.isCommand else {
            self.abort(.unexpectedPDU, because: "a data set fragment without its command", context: context)
            return
        }
        guard bytes.count + fragment.bytes.readableBytes <= Self.maximumCommandSetLength else {
            self.abort(.invalidPDUParameterValue, because: "a command set over 64 KiB", context: context)
            return
        }
        bytes += fragment.bytes.readableBytesView
        guard fragment.isLastFragment else {
            self.setMessage(.command(contextID: fragment.presentationContextID, bytes: bytes))
            return
        }
        guard let command = DIMSECommand(bytes) else {
            self.abort(.invalidPDUParameterValue, because: "an unreadable command set", context: context)
            return
        }
        self.setMessage(.idle)
        self.handleCommand(command, presentationContext, peerMaximumLength: association.peerMaximumLength, context: context)
    }

    private func handleCommand(
        _ command: DIMSECommand, _ presentationContext: AcceptedPresentationContext, peerMaximumLength: UInt32,
        context: ChannelHandlerContext
    ) {
        switch command.commandField {
        case DIMSECommand.echoRequest:
            self.environment.counters.update { $0.echoes += 1 }
            self.answerAfterDataSet(command, presentationContext, .success, peerMaximumLength, context: context)
        case DIMSECommand.storeRequest:
            self.startStore(command, presentationContext, peerMaximumLength, context: context)
        case DIMSECommand.cancelRequest:
            // C-CANCEL has no response, and nothing this SCP does can be cancelled.
            break
        default:
            self.answerAfterDataSet(
                command, presentationContext, .unrecognizedOperation, peerMaximumLength, context: context)
        }
    }

    /// Answers `status` now, or once the command's data set has been read and dropped.
    private func answerAfterDataSet(
        _ command: DIMSECommand, _ presentationContext: AcceptedPresentationContext, _ status: DIMSEStatus,
        _ peerMaximumLength: UInt32, context: ChannelHandlerContext
    ) {
        if command.hasDataSet {
            self.setMessage(
                .dataSet(DataSetReception(command: command, context: presentationContext, destination: .discard(status))))
        } else {
            self.respond(to: command, on: presentationContext.id, status, peerMaximumLength, context: context)
            self.messageAnswered(context: context, resumesWork: false)
        }
    }

    private func startStore(
        _ command: DIMSECommand, _ presentationContext: AcceptedPresentationContext, _ peerMaximumLength: UInt32,
        context: ChannelHandlerContext
    ) {
        let refusal: DIMSEStatus? =
            if command.affectedSOPClassUID != presentationContext.abstractSyntax {
                DIMSEStatus.sopClassNotSupported.withComment("the SOP class is not its presentation context's")
            } else if (command.affectedSOPInstanceUID ?? "").isEmpty {
                DIMSEStatus.cannotUnderstand.withComment("no Affected SOP Instance UID")
            } else {
                nil
            }
        if let refusal {
            self.answerAfterDataSet(command, presentationContext, refusal, peerMaximumLength, context: context)
            return
        }
        guard command.hasDataSet, case .established(let association) = self.phase else {
            self.answerAfterDataSet(
                command, presentationContext, DIMSEStatus.cannotUnderstand.withComment("C-STORE-RQ without a data set"),
                peerMaximumLength, context: context)
            return
        }
        let header = Part10Header.bytes(
            sopClassUID: presentationContext.abstractSyntax, sopInstanceUID: command.affectedSOPInstanceUID!,
            transferSyntaxUID: presentationContext.transferSyntax, sourceAETitle: association.info.callingAETitle)
        // This object's file was made while the last one arrived; the next one's is made while this one does.
        let spare = self.spare ?? self.makeSpare(context: context)
        self.spare = self.makeSpare(context: context)
        let file = IncomingObjectFile(
            spare: spare, header: header, threadPool: self.environment.threadPool, eventLoop: context.eventLoop)
        self.setMessage(.dataSet(DataSetReception(command: command, context: presentationContext, destination: .file(file))))
    }

    private func write(_ bytes: ByteBuffer, to file: IncomingObjectFile, context: ChannelHandlerContext) {
        let count = bytes.readableBytes
        self.bytesOnTheirWayToDisk += count
        self.environment.counters.update { $0.dataSetBytes += count }
        file.write(bytes).assumeIsolated().whenComplete { _ in
            self.bytesOnTheirWayToDisk -= count
            self.resumeReading(context: context)
        }
    }

    /// The data set is complete: answer a dropped one at once, or close the file and ask the handler.
    private func answer(_ reception: DataSetReception, peerMaximumLength: UInt32, context: ChannelHandlerContext) {
        let command = reception.command
        let contextID = reception.context.id
        guard case .file(let file) = reception.destination else {
            if case .discard(let status) = reception.destination {
                self.respond(to: command, on: contextID, status, peerMaximumLength, context: context)
            }
            self.messageAnswered(context: context, resumesWork: false)
            return
        }
        self.isBusy = true
        file.finish().assumeIsolated().whenComplete { result in
            guard case .established(let association) = self.phase else {
                // The connection is gone: no one waits for the answer, and the sender still has the object.
                self.environment.registry.beginWork()
                IncomingObjectFile.removeLeftover(
                    at: file.path, threadPool: self.environment.threadPool, eventLoop: context.eventLoop
                ).whenComplete { [registry = self.environment.registry] _ in registry.endWork() }
                return
            }
            switch result {
            case .failure(let error):
                self.environment.log?(.warning, "DICOM association \(association.info) could not store: \(error)")
                self.respond(
                    to: command, on: contextID, DIMSEStatus.outOfResources.withComment("\(error)"), peerMaximumLength,
                    context: context)
                self.messageAnswered(context: context, resumesWork: true)
            case .success(let sha256):
                self.store(
                    file, sha256: sha256, reception, association, peerMaximumLength: peerMaximumLength, context: context)
            }
        }
    }

    private func store(
        _ file: IncomingObjectFile, sha256: String, _ reception: DataSetReception, _ association: Association,
        peerMaximumLength: UInt32, context: ChannelHandlerContext
    ) {
        let object = ReceivedObject(
            association: association.info, presentationContext: reception.context,
            messageID: reception.command.messageID, sopClassUID: reception.context.abstractSyntax,
            sopInstanceUID: reception.command.affectedSOPInstanceUID ?? "",
            moveOriginatorAETitle: reception.command.moveOriginatorAETitle,
            fileURL: URL(fileURLWithPath: file.path), fileSize: file.size, dataSetOffset: file.dataSetOffset,
            sha256: sha256)
        let handler = self.environment.handler
        let threadPool = self.environment.threadPool
        let registry = self.environment.registry
        let eventLoop = context.eventLoop
        let path = file.path
        self.runOffLoop(context: context, {
            let status = await handler.store(object)
            // What the handler left is removed while the answer goes out, not before: waiting for that hop to the
            // pool delayed every answer (BENCHMARKS.md, DICOM receiving). Counted as work, so shutdown waits for it.
            registry.beginWork()
            IncomingObjectFile.removeLeftover(at: path, threadPool: threadPool, eventLoop: eventLoop)
                .whenComplete { _ in registry.endWork() }
            return status
        }) { status in
            // Failures are counted where every C-STORE answer is written.
            if !status.isFailure { self.environment.counters.update { $0.objectsStored += 1 } }
            self.environment.log?(
                status.isFailure ? .warning : .debug,
                "DICOM association \(association.info) stored \(object.sopInstanceUID): \(status)")
            guard case .established = self.phase else { return }
            self.respond(to: reception.command, on: reception.context.id, status, peerMaximumLength, context: context)
            self.messageAnswered(context: context, resumesWork: true)
        }
    }

    private func respond(
        to command: DIMSECommand, on contextID: UInt8, _ status: DIMSEStatus, _ peerMaximumLength: UInt32,
        context: ChannelHandlerContext
    ) {
        if command.commandField == DIMSECommand.storeRequest, status.isFailure {
            self.environment.counters.update { $0.storeFailures += 1 }
        }
        let commandSet = DIMSEResponse.commandSet(answering: command, status: status)
        self.send(
            OutboundPDU.command(
                commandSet, contextID: contextID, peerMaximumLength: peerMaximumLength,
                allocator: context.channel.allocator),
            context: context)
    }

    /// The message is answered: abort if shutdown asked for it, else go on with the next one. An answer
    /// given within ``handleWork(context:)`` leaves its loop to go on.
    private func messageAnswered(context: ChannelHandlerContext, resumesWork: Bool) {
        self.isBusy = false
        guard case .established(var association) = self.phase else { return }
        association.message = .idle
        self.phase = .established(association)
        if self.isDraining {
            self.abortForShutdown(association, context: context)
        } else if resumesWork {
            self.handleWork(context: context)
        }
    }

    private func setMessage(_ message: MessageState) {
        guard case .established(var association) = self.phase else { return }
        association.message = message
        self.phase = .established(association)
    }

    /// Drops the object whose data set was arriving, if one was.
    private func makeSpare(context: ChannelHandlerContext) -> IncomingObjectFile.Spare {
        let name = "incoming-\(self.peer.connectionID)-\(UInt64.random(in: 0...UInt64.max)).dcm"
        return IncomingObjectFile.Spare(
            path: self.environment.temporaryDirectory + "/" + name, threadPool: self.environment.threadPool,
            eventLoop: context.eventLoop)
    }

    /// Removes the file kept ready for a next object, once the association is over.
    func discardSpare(context: ChannelHandlerContext) {
        guard let spare = self.spare else { return }
        self.spare = nil
        let registry = self.environment.registry
        registry.beginWork()
        spare.discard(threadPool: self.environment.threadPool, eventLoop: context.eventLoop)
            .whenComplete { _ in registry.endWork() }
    }

    func discardPartialObject(_ association: Association) {
        if case .dataSet(let reception) = association.message, case .file(let file) = reception.destination {
            self.discard(file)
        }
    }

    private func discard(_ file: IncomingObjectFile) {
        let registry = self.environment.registry
        registry.beginWork()
        file.discard().whenComplete { _ in registry.endWork() }
    }
}
