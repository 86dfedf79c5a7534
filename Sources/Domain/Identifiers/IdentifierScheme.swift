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
