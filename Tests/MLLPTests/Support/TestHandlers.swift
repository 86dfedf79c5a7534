import MLLP
import NIOConcurrencyHelpers
import NIOPosix

/// Answers `ACK|` + the message, so a test can tell which message each answer belongs to, except
/// ``unanswered``, which gets an empty answer. Optionally waits first, standing in for durable storage.
struct EchoHandler: MLLPMessageHandler {
    static let unanswered = "no answer"

    var delay: Duration?

    func handle(message: [UInt8], connection: MLLPConnectionInfo) async -> [UInt8] {
        if let delay {
            try? await Task.sleep(for: delay)
        }
        return message == Array(Self.unanswered.utf8) ? [] : Array("ACK|".utf8) + message
    }

    func oversize(prefix: [UInt8], length: Int, connection: MLLPConnectionInfo) async -> [UInt8] {
        Array("AR|\(length)|".utf8) + prefix.prefix(4)
    }
}

/// Remembers, for each call, whether it ran on an event loop thread.
final class ThreadRecordingHandler: MLLPMessageHandler {
    private let onEventLoop = NIOLockedValueBox<[Bool]>([])

    var calls: [Bool] {
        self.onEventLoop.withLockedValue { $0 }
    }

    func handle(message: [UInt8], connection: MLLPConnectionInfo) async -> [UInt8] {
        self.record()
        return Array("ACK".utf8)
    }

    func oversize(prefix: [UInt8], length: Int, connection: MLLPConnectionInfo) async -> [UInt8] {
        self.record()
        return Array("AR".utf8)
    }

    private func record() {
        let onLoop = MultiThreadedEventLoopGroup.currentEventLoop != nil
        self.onEventLoop.withLockedValue { $0.append(onLoop) }
    }
}

/// Holds every message until the test opens the gate, and reports when a message arrived.
final class GatedHandler: MLLPMessageHandler {
    let arrivals: AsyncStream<String>
    private let arrivalsContinuation: AsyncStream<String>.Continuation
    private let gate = NIOLockedValueBox<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    init() {
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

    func handle(message: [UInt8], connection: MLLPConnectionInfo) async -> [UInt8] {
        self.arrivalsContinuation.yield(String(decoding: message, as: UTF8.self))
        await withCheckedContinuation { continuation in
            let isOpen = self.gate.withLockedValue { gate in
                if !gate.isOpen {
                    gate.waiters.append(continuation)
                }
                return gate.isOpen
            }
            if isOpen {
                continuation.resume()
            }
        }
        return Array("ACK|".utf8) + message
    }

    func oversize(prefix: [UInt8], length: Int, connection: MLLPConnectionInfo) async -> [UInt8] {
        []
    }
}

/// Starts a server on an ephemeral loopback port, runs `body`, and shuts the server down.
func withMLLPServer<Result: Sendable>(
    handler: some MLLPMessageHandler,
    configuration: MLLPConfiguration = MLLPConfiguration(),
    _ body: (MLLPServer) async throws -> Result
) async throws -> Result {
    let server = try await MLLPServer.start(host: "127.0.0.1", port: 0, configuration: configuration, handler: handler)
    do {
        let result = try await body(server)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}
