/// The application side of the listener: admits associations and keeps the objects received.
///
/// The listener knows nothing of accounts or checks. It asks ``admit(_:)`` whether an association may
/// proceed, writes each C-STORE's object to a temporary Part 10 file, and sends back the status ``store(_:)``
/// returns. Nothing acknowledged may be lost: a success or warning status is sent only after `store` returns
/// it, so an implementation stores the object durably *before* returning one.
///
/// Calls never run on an event loop thread. Calls for one association come one at a time and in order;
/// calls for different associations run concurrently. While `store` runs, its association reads nothing
/// more, so a slow store paces its own sender only.
public protocol DICOMAssociationHandler: Sendable {
    /// Accepts or rejects an association; typically by looking up the account of the calling AE title.
    /// Not called for requests the listener rejects itself (wrong called AE title, over the association limit).
    func admit(_ request: AssociationRequest) async -> AssociationDecision

    /// Checks and keeps `object`, and returns the C-STORE status to send (success, warning, or a failure
    /// when it could not be stored). Not called when the listener could not receive the data set; it then
    /// answers A700 or C000 itself.
    func store(_ object: ReceivedObject) async -> DIMSEStatus

    /// Told once when an accepted association ends, for logs. The listener does not wait for it.
    func associationEnded(_ association: AssociationInfo, _ end: AssociationEnd) async
}

extension DICOMAssociationHandler {
    /// Does nothing: the notification is optional.
    public func associationEnded(_ association: AssociationInfo, _ end: AssociationEnd) async {}
}
