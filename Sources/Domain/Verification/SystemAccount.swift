import Foundation

/// A connecting system's identity in one of the platform's environments: for now the verification environment,
/// where its HL7 messages are recognised by MSH-3 and MSH-4 and its DICOM associations by any of its calling AE
/// titles (and, when given, the address they come from). The accounts issue adds certificates and production.
public struct SystemAccount: Sendable, Hashable, Codable {
    public enum Environment: String, Sendable, Hashable, Codable {
        case verification
    }

    /// Whether traffic is taken: a paused account is refused at once and can be resumed; a revoked one for good.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case active, paused, revoked

        public var title: LocalizedText {
            switch self {
            case .active: LocalizedText(sv: "aktivt", en: "active")
            case .paused: LocalizedText(sv: "pausat", en: "paused")
            case .revoked: LocalizedText(sv: "återkallat", en: "revoked")
            }
        }
    }

    public let id: UUID
    public let caseID: UUID
    public let environment: Environment
    /// MSH-3 and MSH-4 (namespace ids) the system sends with; both empty for a system that sends only DICOM.
    public let hl7SendingApplication: String
    public let hl7SendingFacility: String
    /// Addresses or CIDR ranges the traffic may come from; empty for any.
    public let sourceAddresses: [String]
    public var status: Status
    /// Counts changes, for optimistic concurrency.
    public var version: Int
    /// The calling AE titles its DICOM associations come with (a modality fleet or an archive calls from several),
    /// in the order registered; empty for a system that sends only HL7.
    public var dicomAETitles: [String]

    public init(
        id: UUID, caseID: UUID, environment: Environment, hl7SendingApplication: String, hl7SendingFacility: String,
        sourceAddresses: [String], status: Status, version: Int, dicomAETitles: [String] = []
    ) {
        self.id = id
        self.caseID = caseID
        self.environment = environment
        self.hl7SendingApplication = hl7SendingApplication
        self.hl7SendingFacility = hl7SendingFacility
        self.sourceAddresses = sourceAddresses
        self.status = status
        self.version = version
        self.dicomAETitles = dicomAETitles
    }

    /// The HL7 sender as people write it, `RIS1^SU`; nil for a system that sends only DICOM.
    public var hl7Sender: String? {
        hl7SendingApplication.isEmpty ? nil : "\(hl7SendingApplication)^\(hl7SendingFacility)"
    }

    /// How people name the sender: `RIS1^SU`, `AE MODALITY1, AE MODALITY2`, or both.
    public var senderDescription: String {
        ([hl7Sender].compactMap { $0 } + dicomAETitles.map { "AE \($0)" }).joined(separator: ", ")
    }
}
