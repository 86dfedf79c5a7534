import DICOMNetwork
import Foundation
import NIOConcurrencyHelpers

/// Admits the calling AE titles it knows, keeps every object by moving it into ``keptDirectory``, and
/// answers the status configured for the calling AE title (success by default). Records what it was given.
final class RecordingHandler: DICOMAssociationHandler {
    struct Kept: Sendable {
        let object: ReceivedObject
        /// Where the object's file was moved.
        let path: String
        /// Whether the call ran on an event loop thread (it never should).
        let ranOnEventLoop: Bool
    }

    let keptDirectory: URL
    /// `nil` admits every calling AE title.
    let knownCallingAETitles: Set<String>?
    let statuses: [String: DIMSEStatus]
    private let state = NIOLockedValueBox<(kept: [Kept], ends: [AssociationEnd])>(([], []))

    init(keptDirectory: URL, knownCallingAETitles: Set<String>? = nil, statuses: [String: DIMSEStatus] = [:]) {
        self.keptDirectory = keptDirectory
        self.knownCallingAETitles = knownCallingAETitles
        self.statuses = statuses
    }

    var kept: [Kept] { self.state.withLockedValue { $0.kept } }
    var ends: [AssociationEnd] { self.state.withLockedValue { $0.ends } }

    func admit(_ request: AssociationRequest) async -> AssociationDecision {
        guard let known = self.knownCallingAETitles, !known.contains(request.callingAETitle) else { return .accept }
        return .reject(.callingAETitleNotRecognized)
    }

    func store(_ object: ReceivedObject) async -> DIMSEStatus {
        let onLoop = onEventLoopThread()
        let destination = self.keptDirectory.appendingPathComponent("\(object.sopInstanceUID).dcm").path
        guard rename(object.fileURL.path, destination) == 0 else { return .outOfResources }
        self.state.withLockedValue { $0.kept.append(Kept(object: object, path: destination, ranOnEventLoop: onLoop)) }
        return self.statuses[object.association.callingAETitle] ?? .success
    }

    func associationEnded(_ association: AssociationInfo, _ end: AssociationEnd) async {
        self.state.withLockedValue { $0.ends.append(end) }
    }
}

/// Holds every store until the test opens the gate, reports each arrival, then moves the file into
/// `keptDirectory` and answers success.
final class GatedHandler: DICOMAssociationHandler {
    let arrivals: AsyncStream<ReceivedObject>
    let keptDirectory: URL
    private let arrivalsContinuation: AsyncStream<ReceivedObject>.Continuation
    private let gate = NIOLockedValueBox<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    init(keptDirectory: URL) {
        self.keptDirectory = keptDirectory
        (self.arrivals, self.arrivalsContinuation) = AsyncStream.makeStream()
    }

    func open() {
        let waiters = self.gate.withLockedValue { gate in
            gate.isOpen = true
            defer { gate.waiters = [] }
            return gate.waiters
        }
        waiters.forEach { $0.resume() }
    }

    func admit(_ request: AssociationRequest) async -> AssociationDecision {
        .accept
    }

    func store(_ object: ReceivedObject) async -> DIMSEStatus {
        self.arrivalsContinuation.yield(object)
        await withCheckedContinuation { continuation in
            let isOpen = self.gate.withLockedValue { gate in
                if !gate.isOpen { gate.waiters.append(continuation) }
                return gate.isOpen
            }
            if isOpen { continuation.resume() }
        }
        let destination = self.keptDirectory.appendingPathComponent("\(object.sopInstanceUID).dcm").path
        return rename(object.fileURL.path, destination) == 0 ? .success : .outOfResources
    }
}
