import DICOMNetwork
import MLLP
import NIOCore
import Persistence
import Vapor

/// `anslut serve [--hostname H] [--port P] [--mllp-port M] [--dicom-port D]`: migrates the database, then serves
/// HTTP and the verification environment's MLLP and DICOM listeners until SIGTERM or SIGINT, finishing the
/// requests, messages and objects in flight.
///
/// Wraps Vapor's own serve command, which owns the signal handling and graceful shutdown, so that storage
/// is ready first and a port already in use gives a clear line instead of a stack of NIO errors.
struct AnslutServeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "Address to listen on (default 127.0.0.1).")
        var hostname: String?

        @Option(name: "port", short: "p", help: "HTTP port (default 8080).")
        var port: Int?

        @Option(name: "mllp-port", help: "MLLP port of the verification environment (default 2575; 0 picks a free one).")
        var mllpPort: Int?

        @Option(name: "dicom-port", help: "DICOM port of the verification environment (default 11112; 0 picks a free one).")
        var dicomPort: Int?

        init() {}
    }

    var help: String { "Serves Anslut over HTTP on 127.0.0.1:8080; migrates the database first." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if let hostname = signature.hostname { app.http.server.configuration.hostname = hostname }
        if let port = signature.port {
            guard (1...65_535).contains(port) else {
                throw CommandExit(status: 2, message: "--port must be between 1 and 65535, not \(port).")
            }
            app.http.server.configuration.port = port
        }
        let mllpPort = signature.mllpPort ?? MLLPConfiguration.defaultPort
        guard (0...65_535).contains(mllpPort) else {
            throw CommandExit(status: 2, message: "--mllp-port must be between 0 and 65535, not \(mllpPort).")
        }
        let dicomPort = signature.dicomPort ?? DICOMConfiguration.defaultPort
        guard (0...65_535).contains(dicomPort) else {
            throw CommandExit(status: 2, message: "--dicom-port must be between 0 and 65535, not \(dicomPort).")
        }
        try await app.prepareStorage()
        // Read before listening, so that an unusable key file stops the start with its one line.
        let signingKey: Curve25519.Signing.PrivateKey
        do {
            signingKey = try AuditSigningKey.loadOrCreate(at: app.config.auditKeyPath)
        } catch {
            throw CommandExit(status: 1, message: error.description)
        }
        // Made before the first sign-in, so that sign-in's first unknown address takes no longer than the rest.
        _ = PasswordSignIn.standInHash
        let address = "\(app.http.server.configuration.hostname):\(app.http.server.configuration.port)"
        // Vapor's options stay unset so that it reads the address from the configuration set above.
        var noArguments = CommandInput(arguments: ["anslut"])
        let serveSignature = try ServeCommand.Signature(from: &noArguments)
        do {
            try await app.servers.asyncCommand.run(using: context, signature: serveSignature)
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw CommandExit(
                status: 1,
                message: "Cannot listen on \(address): the address is already in use. Stop the other program"
                    + " or choose another port with --port.")
        } catch let error as IOError {
            throw CommandExit(
                status: 1, message: "Cannot listen on \(address): \(String(cString: strerror(error.errnoCode))).")
        }
        app.startScheduledJobs(signingKey: signingKey)
        let hostname = app.http.server.configuration.hostname
        do {
            let bound = try await app.startHL7Listener(host: hostname, port: mllpPort)
            app.logger.info("MLLP listener is listening", metadata: ["address": "\(hostname):\(bound)"])
        } catch let error as IOError {
            throw CommandExit(
                status: 1, message: "Cannot listen for MLLP on \(hostname):\(mllpPort): \(String(cString: strerror(error.errnoCode)))."
                    + " Stop the other program or choose another port with --mllp-port.")
        }
        do {
            let bound = try await app.startDICOMListener(host: hostname, port: dicomPort)
            app.logger.info("DICOM listener is listening", metadata: ["address": "\(hostname):\(bound)", "aeTitle": "ANSLUT"])
        } catch let error as IOError {
            throw CommandExit(
                status: 1, message: "Cannot listen for DICOM on \(hostname):\(dicomPort): \(String(cString: strerror(error.errnoCode)))."
                    + " Stop the other program or choose another port with --dicom-port.")
        }
        app.logger.info("Anslut is listening", metadata: ["address": "http://\(address)"])
    }
}
