import DICOM
import NIOCore

/// Association establishment (PS3.8 7.1): the listener's own checks, then the handler's decision, then
/// A-ASSOCIATE-AC with the negotiated presentation contexts or A-ASSOCIATE-RJ.
extension DICOMConnectionHandler {
    func negotiate(_ request: AssociateRequest, context: ChannelHandlerContext) {
        let info = AssociationInfo(
            callingAETitle: request.callingAETitle, calledAETitle: request.calledAETitle, peer: self.peer)
        if let rejection = self.listenerRejection(of: request) {
            self.reject(info, rejection, context: context)
            return
        }
        self.phase = .negotiating(info)
        self.isBusy = true
        let handler = self.environment.handler
        let admission = AssociationRequest(
            association: info,
            proposedContexts: request.presentationContexts,
            implementationClassUID: request.userInformation.implementationClassUID,
            implementationVersionName: request.userInformation.implementationVersionName)
        self.runOffLoop(context: context, { await handler.admit(admission) }) { decision in
            self.isBusy = false
            guard case .negotiating = self.phase else { return }
            switch decision {
            case .accept where self.isDraining:
                self.reject(info, .temporaryCongestion, context: context)
            case .accept:
                self.accept(request, info, context: context)
            case .reject(let rejection):
                self.reject(info, rejection, context: context)
            }
            self.handleWork(context: context)
        }
    }

    /// What the listener refuses without asking the handler, in the order PS3.8's providers check.
    private func listenerRejection(of request: AssociateRequest) -> AssociationRejection? {
        let configuration = self.environment.configuration
        if request.protocolVersion & 0x0001 == 0 { return .protocolVersionNotSupported }
        if request.applicationContextName != PDU.dicomApplicationContextName {
            return .applicationContextNameNotSupported
        }
        if request.calledAETitle != configuration.calledAETitle { return .calledAETitleNotRecognized }
        if self.isDraining { return .temporaryCongestion }
        if !self.environment.registry.occupyAssociationSlot(self.peer.connectionID) {
            self.environment.counters.update { $0.associationsOverLimit += 1 }
            return .localLimitExceeded
        }
        return nil
    }

    private func accept(_ request: AssociateRequest, _ info: AssociationInfo, context: ChannelHandlerContext) {
        let outcome = PresentationContextNegotiation.negotiate(
            request.presentationContexts, abstractSyntaxes: self.environment.abstractSyntaxes,
            transferSyntaxes: self.environment.transferSyntaxes)
        let accept = AssociateAccept(
            calledAETitle: request.calledAETitle, callingAETitle: request.callingAETitle,
            presentationContexts: outcome.results,
            userInformation: UserInformation(
                maximumLength: UInt32(self.environment.configuration.maximumPDULength),
                implementationClassUID: DICOMImplementation.classUID,
                implementationVersionName: DICOMImplementation.versionName))
        self.phase = .established(
            Association(
                info: info, contexts: outcome.accepted,
                peerMaximumLength: request.userInformation.maximumLength ?? 0))
        self.environment.counters.update { $0.associationsAccepted += 1 }
        self.environment.log?(
            .debug, "DICOM association \(info) accepted, \(outcome.accepted.count) of \(outcome.results.count) contexts")
        self.send(.associateAccept(accept), context: context)
    }

    private func reject(_ info: AssociationInfo, _ rejection: AssociationRejection, context: ChannelHandlerContext) {
        self.environment.counters.update { $0.associationsRejected += 1 }
        self.environment.log?(.warning, "DICOM association \(info) rejected: \(rejection)")
        self.send(.associateReject(rejection.pdu), context: context)
        self.enterClosing(context: context)
    }
}
