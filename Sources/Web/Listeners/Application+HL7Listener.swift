import Domain
import Foundation
import MLLP
import NIOCore
import ProcessFiles
import Vapor
import Workflow

extension Application {
    /// Starts the verification environment's MLLP listener on `host`:`port` (0 picks a free port) once storage is
    /// ready, with the platforms' HL7 profiles from the processes folder; returns the port it listens on. The
    /// listener is stopped at shutdown before the databases close (lifecycle handlers stop in reverse order), after
    /// the messages in hand are stored and answered.
    func startHL7Listener(host: String, port: Int) async throws -> Int {
        let profiles = try hl7Profiles()
        let traffic = HL7Traffic(
            profiles: profiles, store: store, clock: config.clock, durability: config.trafficDurability)
        let logger = logger
        let server = try await MLLPServer.start(
            host: host, port: port, configuration: MLLPConfiguration(), handler: HL7TrafficHandler(traffic: traffic),
            group: eventLoopGroup,
            log: { level, line in logger.listenerLine(debug: level == .debug, warning: level == .warning, line) })
        lifecycle.use(HL7ListenerStopping(server: server))
        return server.localPort
    }
}

/// Hands each MLLP frame to the verification traffic workflow, which stores it before the ACK is returned.
private struct HL7TrafficHandler: MLLPMessageHandler {
    let traffic: HL7Traffic

    func handle(message: [UInt8], connection: MLLPConnectionInfo) async -> [UInt8] {
        await traffic.receive(message, from: connection.remoteHost)
    }

    func handle(message: [UInt8], connection: MLLPConnectionInfo, answer: @escaping @Sendable ([UInt8]) -> Void) {
        traffic.receive(message, from: connection.remoteHost, answer: answer)
    }

    func oversize(prefix: [UInt8], length: Int, connection: MLLPConnectionInfo) async -> [UInt8] {
        traffic.oversize(prefix: prefix, length: length)
    }
}

private struct HL7ListenerStopping: LifecycleHandler {
    let server: MLLPServer

    func shutdownAsync(_ application: Application) async {
        await server.shutdown()
    }
}
