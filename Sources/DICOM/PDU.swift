/// An upper-layer protocol data unit (PS3.8 9.3): what two DICOM applications send each other over TCP.
///
/// Every PDU starts with the same 6 bytes (type, reserved, 4-byte big-endian length of the rest), drawn here
/// for A-RELEASE-RQ:
///
/// ```
/// +------+----------+---------------------+-------------------+
/// | 0x05 | reserved | length = 4 (UInt32) | reserved (4 bytes)|
/// +------+----------+---------------------+-------------------+
/// ```
///
/// ``PDUDecoder`` and ``PDUEncoder`` turn whole PDUs into values and back; finding where a PDU ends in a
/// byte stream is ``PDUDecoder/frameLength(of:maximumLength:)``, for the network layer.
public enum PDU: Sendable, Hashable {
    /// 0x01: the calling application asks for an association.
    case associateRequest(AssociateRequest)
    /// 0x02: the called application accepts, answering each presentation context.
    case associateAccept(AssociateAccept)
    /// 0x03: the called application (or its provider) refuses.
    case associateReject(AssociateReject)
    /// 0x04: command and data set fragments.
    case data([PresentationDataValue])
    /// 0x05: asks to end the association in order.
    case releaseRequest
    /// 0x06: agrees to end it.
    case releaseResponse
    /// 0x07: ends it at once.
    case abort(Abort)

    /// The PDU type byte.
    public var type: UInt8 {
        switch self {
        case .associateRequest: 0x01
        case .associateAccept: 0x02
        case .associateReject: 0x03
        case .data: 0x04
        case .releaseRequest: 0x05
        case .releaseResponse: 0x06
        case .abort: 0x07
        }
    }

    /// Bytes in the common header: type, reserved, 4-byte length.
    public static let headerLength = 6
    /// The application context every DICOM association uses (PS3.7 A.2.1).
    public static let dicomApplicationContextName = "1.2.840.10008.3.1.1.1"
}

/// One presentation data value of a P-DATA-TF (PS3.8 9.3.5.1, E.2): a fragment of a command or data set on
/// one presentation context.
public struct PresentationDataValue: Sendable, Hashable {
    /// The presentation context the fragment belongs to (odd, 1-255).
    public let presentationContextID: UInt8
    /// Message control header bit 0: a command (1) or a data set (0) fragment.
    public let isCommand: Bool
    /// Message control header bit 1: the last fragment of its command or data set.
    public let isLastFragment: Bool
    /// The fragment bytes.
    public let fragment: [UInt8]

    /// A fragment on a presentation context.
    public init(presentationContextID: UInt8, isCommand: Bool, isLastFragment: Bool, fragment: [UInt8]) {
        self.presentationContextID = presentationContextID
        self.isCommand = isCommand
        self.isLastFragment = isLastFragment
        self.fragment = fragment
    }

    /// The message control header byte.
    var messageControlHeader: UInt8 {
        (isCommand ? 0x01 : 0x00) | (isLastFragment ? 0x02 : 0x00)
    }
}

/// A-ASSOCIATE-RJ (PS3.8 9.3.4, Table 9-21; reference.md 9.3).
public struct AssociateReject: Sendable, Hashable {
    /// `1` rejected-permanent, `2` rejected-transient.
    public let result: UInt8
    /// `1` service user, `2` service provider (ACSE), `3` service provider (presentation).
    public let source: UInt8
    /// Meaning depends on `source`; see ``reasonDescription``.
    public let reason: UInt8

    /// A rejection with these codes, as written; the decoder does not refuse codes it cannot name.
    public init(result: UInt8, source: UInt8, reason: UInt8) {
        self.result = result
        self.source = source
        self.reason = reason
    }

    /// Permanent: the calling AE title is not one this side knows.
    public static let callingAETitleNotRecognized = AssociateReject(result: 1, source: 1, reason: 3)
    /// Permanent: the called AE title is not this side's.
    public static let calledAETitleNotRecognized = AssociateReject(result: 1, source: 1, reason: 7)
    /// Permanent: the application context name is not DICOM's.
    public static let applicationContextNameNotSupported = AssociateReject(result: 1, source: 1, reason: 2)
    /// Permanent: the protocol version is not 1.
    public static let protocolVersionNotSupported = AssociateReject(result: 1, source: 2, reason: 2)
    /// Transient: the limit on concurrent associations is reached (reference.md 9.3).
    public static let localLimitExceeded = AssociateReject(result: 2, source: 3, reason: 2)

    /// The reason in words, per source, for logs and pages.
    public var reasonDescription: String {
        switch (source, reason) {
        case (1, 1), (2, 1): "no reason given"
        case (1, 2): "application context name not supported"
        case (1, 3): "calling AE title not recognised"
        case (1, 7): "called AE title not recognised"
        case (2, 2): "protocol version not supported"
        case (3, 1): "temporary congestion"
        case (3, 2): "local limit exceeded"
        default: "source \(source) reason \(reason)"
        }
    }
}

/// A-ABORT (PS3.8 9.3.8, Table 9-26).
public struct Abort: Sendable, Hashable {
    /// `0` service user, `2` service provider.
    public let source: UInt8
    /// For a provider abort: `0` not specified, `1` unrecognised PDU, `2` unexpected PDU, `4` unrecognised
    /// PDU parameter, `5` unexpected PDU parameter, `6` invalid PDU parameter value. `0` for a user abort.
    public let reason: UInt8

    /// An abort with these codes.
    public init(source: UInt8, reason: UInt8) {
        self.source = source
        self.reason = reason
    }

    /// The service user gives up.
    public static let byServiceUser = Abort(source: 0, reason: 0)
    /// The provider could not parse what it received (e.g. a PDU longer than this side's maximum).
    public static let invalidPDUParameterValue = Abort(source: 2, reason: 6)
    /// The provider received a PDU type it does not know.
    public static let unrecognizedPDU = Abort(source: 2, reason: 1)
    /// The provider received a PDU it did not expect in this state.
    public static let unexpectedPDU = Abort(source: 2, reason: 2)
}
