/// The application side of the listener: turns each received message into the bytes to answer with.
///
/// The listener knows nothing of HL7. It hands over the bytes between the framing bytes and writes back,
/// framed, exactly the bytes it is given. Nothing that was acknowledged may be lost, so an implementation
/// stores the message durably *before* it returns an accepting ACK.
///
/// Calls for one connection come one at a time and in arrival order; the connection reads nothing more until
/// the answer is written, so a sender is throttled by its own ACKs. Calls for different connections run
/// concurrently. The listener calls ``handle(message:connection:answer:)``, on the connection's event loop; its
/// default runs ``handle(message:connection:)`` in a task, off the event loop, so a slow store delays only its own
/// sender (a blocking call should still be avoided there, as it holds one of the few threads of Swift's
/// concurrency pool).
public protocol MLLPMessageHandler: Sendable {
    /// Returns the answer (unframed bytes, normally an ACK) to send for `message`.
    ///
    /// An empty answer sends nothing, and the connection goes on reading.
    func handle(message: [UInt8], connection: MLLPConnectionInfo) async -> [UInt8]

    /// Answers `message` by calling `answer` once, from any thread, with what ``handle(message:connection:)`` would
    /// return. Called on the connection's event loop: an implementation may do short work there (parsing a message
    /// of ordinary size) and must hand anything that waits or takes long elsewhere. One that answers most messages
    /// without a task of its own per message saves the task's scheduling (BENCHMARKS.md, MLLP end to end).
    func handle(message: [UInt8], connection: MLLPConnectionInfo, answer: @escaping @Sendable ([UInt8]) -> Void)

    /// Returns the answer to a frame over the size limit (normally an AR built from `prefix`).
    /// The connection closes once it is written; an empty answer closes it without writing.
    ///
    /// - Parameters:
    ///   - prefix: The first bytes of the message, enough to read its MSH segment.
    ///   - length: The whole length of the message that was refused.
    func oversize(prefix: [UInt8], length: Int, connection: MLLPConnectionInfo) async -> [UInt8]
}

extension MLLPMessageHandler {
    public func handle(message: [UInt8], connection: MLLPConnectionInfo, answer: @escaping @Sendable ([UInt8]) -> Void) {
        Task { answer(await handle(message: message, connection: connection)) }
    }
}
