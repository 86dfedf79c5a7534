import DICOM
import DICOMNetwork
import Domain
import Foundation
import Integration
import NIOCore
import Persistence
import Vapor
import Workflow

extension Application {
    /// Starts the verification environment's DICOM listener (called AE title `ANSLUT`) on `host`:`port` (0 picks a
    /// free port) once storage is ready; returns the port it listens on. Objects arrive in the data folder's
    /// `dicom/.incoming` and are kept under `dicom/` by their SHA-256. Stopped at shutdown before the databases
    /// close, after the objects in hand are stored and answered.
    func startDICOMListener(host: String, port: Int) async throws -> Int {
        let objects = BlobStore(root: URL(fileURLWithPath: config.dataDirectory).appendingPathComponent("dicom"))
        let traffic = DICOMTraffic(
            hl7Profiles: try hl7Profiles(), dicomProfiles: try dicomProfiles(), store: store, clock: config.clock,
            objects: objects, fileWork: fileWork, iodVerifier: config.iodVerifier.map { IODVerifier(executable: $0) },
            durability: config.trafficDurability)
        let logger = logger
        let server = try await DICOMServer.start(
            host: host, port: port, configuration: DICOMConfiguration(temporaryDirectory: objects.incoming),
            handler: DICOMTrafficHandler(traffic: traffic), group: eventLoopGroup, threadPool: threadPool,
            log: { level, line in logger.listenerLine(debug: level == .debug, warning: level == .warning, line) })
        lifecycle.use(DICOMListenerStopping(server: server))
        return server.localPort
    }
}

/// Admits associations by their calling AE title and hands each object to the DICOM traffic workflow, which keeps
/// and records it before the status goes back.
private struct DICOMTrafficHandler: DICOMAssociationHandler {
    let traffic: DICOMTraffic

    func admit(_ request: AssociationRequest) async -> AssociationDecision {
        let association = request.association
        guard let refusal = await traffic.admit(callingAETitle: association.callingAETitle, peer: association.peer.host)
        else { return .accept }
        return .reject(Self.rejection(for: refusal.rule))
    }

    func store(_ object: ReceivedObject) async -> DIMSEStatus {
        let outcome = await traffic.store(
            file: object.fileURL, sha256: object.sha256, size: object.fileSize,
            command: .init(sopClassUID: object.sopClassUID, sopInstanceUID: object.sopInstanceUID),
            callingAETitle: object.association.callingAETitle, peer: object.association.peer.host)
        switch outcome {
        case .stored(let findings):
            guard let first = findings.first else { return .success }
            return DIMSEStatus.warning.withComment(Self.comment(first, more: findings.count - 1))
        case .refused(let finding):
            return DIMSEStatus(code: 0x0124).withComment(Self.comment(finding, more: 0))
        case .unreadable(let reason):
            return DIMSEStatus.cannotUnderstand.withComment(String(reason.prefix(64)))
        case .notStored:
            return DIMSEStatus.outOfResources.withComment("Not stored; send it again")
        }
    }

    /// A-ASSOCIATE-RJ for an admission refusal: an unknown title or a revoked account will not change by
    /// retrying (permanent, calling AE title not recognised); a paused account, a case outside its verification
    /// phase or a moment's trouble may (transient, no reason given).
    static func rejection(for rule: String) -> AssociationRejection {
        switch rule {
        case "admission.unknown-sender", "admission.revoked", "admission.source-address": .callingAETitleNotRecognized
        default: AssociationRejection(result: .transient, source: .serviceUser(.noReasonGiven))
        }
    }

    /// (0000,0902) Error Comment: at most 64 characters, ASCII, in English (what the sender's log shows).
    static func comment(_ finding: VerificationFinding, more: Int) -> String {
        let text = finding.rule + (more > 0 ? " (+\(more))" : "")
        return String(String(decoding: text.utf8.filter { $0 < 0x80 }, as: UTF8.self).prefix(64))
    }
}

private struct DICOMListenerStopping: LifecycleHandler {
    let server: DICOMServer

    func shutdownAsync(_ application: Application) async {
        await server.shutdown()
    }
}
