/// A Swedish identifier type, as an OID names it: which rules a value must follow.
public enum IdentifierScheme: Sendable, Hashable {
    case personnummer
    case samordningsnummer
    case nationalReservnummer
    case localReservnummer(LocalReservnummer.Scheme)
    case organisationsnummer
    case hsaID

    /// The scheme `oid` names (reference §4.1 and §3.3), also written `urn:oid:…`; nil for any other.
    /// Several OIDs name an organisationsnummer or an HSA-id (`Organisationsnummer.oids`, `HSAId.oids`).
    public init?(oid: String) {
        let bare = Self.bare(oid)
        switch bare {
        case Personnummer.oid: self = .personnummer
        case Samordningsnummer.oid: self = .samordningsnummer
        case NationalReservnummer.oid: self = .nationalReservnummer
        case _ where Organisationsnummer.oids.contains(bare): self = .organisationsnummer
        case _ where HSAId.oids.contains(bare): self = .hsaID
        default:
            guard let local = LocalReservnummer.Scheme.allCases.first(where: { $0.oid == bare }) else { return nil }
            self = .localReservnummer(local)
        }
    }

    /// The scheme and the OID when `utf8` is exactly one of the OIDs ``init(oid:)`` knows, written bare as HL7's
    /// CX.4 carries it; nil for anything else, the `urn:oid:` forms included (``init(oid:)`` reads those). A byte
    /// comparison, so the HL7 checks can tell the OID of every identifier of every message without making a
    /// string of it (an OID is too long for a small string, so each costs an allocation); the OID returned is the
    /// scheme's own constant.
    public static func knownOID(utf8: UnsafeBufferPointer<UInt8>) -> (scheme: IdentifierScheme, oid: String)? {
        for known in knownOIDs where known.utf8.count == utf8.count && known.utf8.elementsEqual(utf8) {
            return (known.scheme, known.oid)
        }
        return nil
    }

    /// Every OID ``init(oid:)`` knows, in the order it tries them, with its bytes.
    static let knownOIDs: [(oid: String, utf8: [UInt8], scheme: IdentifierScheme)] = {
        let oids = [Personnummer.oid, Samordningsnummer.oid, NationalReservnummer.oid] + Organisationsnummer.oids
            + HSAId.oids + LocalReservnummer.Scheme.allCases.map(\.oid)
        return oids.map { oid in (oid, Array(oid.utf8), IdentifierScheme(oid: oid)!) }
    }()

    /// `oid` without a leading `urn:oid:`.
    static func bare(_ oid: String) -> String {
        oid.hasPrefix("urn:oid:") ? String(oid.dropFirst(8)) : oid
    }

    /// The family the scheme belongs to.
    public var kind: IdentifierKind {
        switch self {
        case .personnummer: .personnummer
        case .samordningsnummer: .samordningsnummer
        case .nationalReservnummer, .localReservnummer: .reservnummer
        case .organisationsnummer: .organisationsnummer
        case .hsaID: .hsaID
        }
    }

    /// The scheme's OID; for an organisationsnummer and an HSA-id the first of their list.
    public var oid: String {
        switch self {
        case .personnummer: Personnummer.oid
        case .samordningsnummer: Samordningsnummer.oid
        case .nationalReservnummer: NationalReservnummer.oid
        case .localReservnummer(let scheme): scheme.oid
        case .organisationsnummer: Organisationsnummer.oid
        case .hsaID: HSAId.oid
        }
    }

    /// Parses `text` by this scheme's rules. `today` matters only for the century of a ten-digit
    /// personnummer or samordningsnummer.
    public func parse(_ text: String, today: CivilDate) throws(IdentifierError) -> any SwedishIdentifier {
        switch self {
        case .personnummer: try Personnummer.parse(text, today: today)
        case .samordningsnummer: try Samordningsnummer.parse(text, today: today)
        case .nationalReservnummer: try NationalReservnummer.parse(text)
        case .localReservnummer(let scheme): try LocalReservnummer.parse(text, scheme: scheme)
        case .organisationsnummer: try Organisationsnummer.parse(text)
        case .hsaID: try HSAId.parse(text)
        }
    }
}
