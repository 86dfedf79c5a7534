import DICOM

/// The result, source and reason of an A-ASSOCIATE-RJ (PS3.8 9.3.4, Table 9-21; reference.md 9.3).
///
/// The reason is carried by its source, since each source has its own reasons: no value of this type is a
/// combination PS3.8 does not define.
public struct AssociationRejection: Sendable, Hashable, CustomStringConvertible {
    /// Whether the sender may try again later.
    public enum Result: UInt8, Sendable, Hashable {
        /// 1: do not retry as it is; the sender's configuration must change.
        case permanent = 1
        /// 2: retrying later may succeed.
        case transient = 2
    }

    /// Who rejects, with the reason that source gives.
    public enum Source: Sendable, Hashable {
        /// 1: the DICOM UL service-user, i.e. the application.
        case serviceUser(ServiceUserReason)
        /// 2: the UL service-provider, ACSE related function.
        case serviceProviderACSE(ServiceProviderACSEReason)
        /// 3: the UL service-provider, presentation related function.
        case serviceProviderPresentation(ServiceProviderPresentationReason)

        /// The source byte.
        public var code: UInt8 {
            switch self {
            case .serviceUser: 1
            case .serviceProviderACSE: 2
            case .serviceProviderPresentation: 3
            }
        }

        /// The reason byte.
        public var reasonCode: UInt8 {
            switch self {
            case .serviceUser(let reason): reason.rawValue
            case .serviceProviderACSE(let reason): reason.rawValue
            case .serviceProviderPresentation(let reason): reason.rawValue
            }
        }
    }

    /// Reasons of source 1, the service-user.
    public enum ServiceUserReason: UInt8, Sendable, Hashable {
        case noReasonGiven = 1
        case applicationContextNameNotSupported = 2
        /// The calling AE title is no account this side knows, or one it will not take objects from now.
        case callingAETitleNotRecognized = 3
        /// The called AE title is not this listener's.
        case calledAETitleNotRecognized = 7
    }

    /// Reasons of source 2, the service-provider's ACSE function.
    public enum ServiceProviderACSEReason: UInt8, Sendable, Hashable {
        case noReasonGiven = 1
        case protocolVersionNotSupported = 2
    }

    /// Reasons of source 3, the service-provider's presentation function.
    public enum ServiceProviderPresentationReason: UInt8, Sendable, Hashable {
        case temporaryCongestion = 1
        /// The limit on concurrent associations is reached.
        case localLimitExceeded = 2
    }

    public let result: Result
    public let source: Source

    public init(result: Result, source: Source) {
        self.result = result
        self.source = source
    }

    /// Permanent, service-user: the calling AE title is unknown (or its account may not send).
    public static let callingAETitleNotRecognized = AssociationRejection(
        result: .permanent, source: .serviceUser(.callingAETitleNotRecognized))
    /// Permanent, service-user: the called AE title is not this listener's.
    public static let calledAETitleNotRecognized = AssociationRejection(
        result: .permanent, source: .serviceUser(.calledAETitleNotRecognized))
    /// Permanent, service-user: the application context is not DICOM's.
    public static let applicationContextNameNotSupported = AssociationRejection(
        result: .permanent, source: .serviceUser(.applicationContextNameNotSupported))
    /// Permanent, service-provider (ACSE): the protocol version is not 1.
    public static let protocolVersionNotSupported = AssociationRejection(
        result: .permanent, source: .serviceProviderACSE(.protocolVersionNotSupported))
    /// Transient, service-provider (presentation): ``DICOMConfiguration/maximumAssociations`` are open.
    public static let localLimitExceeded = AssociationRejection(
        result: .transient, source: .serviceProviderPresentation(.localLimitExceeded))
    /// Transient, service-provider (presentation): the listener is shutting down.
    public static let temporaryCongestion = AssociationRejection(
        result: .transient, source: .serviceProviderPresentation(.temporaryCongestion))

    /// The PDU that carries this rejection.
    var pdu: AssociateReject {
        AssociateReject(result: self.result.rawValue, source: self.source.code, reason: self.source.reasonCode)
    }

    /// `permanent, calling AE title not recognised`.
    public var description: String {
        "\(self.result == .permanent ? "permanent" : "transient"), \(self.pdu.reasonDescription)"
    }
}
