/// The families of Swedish identifiers `anslut id` tells apart; the raw value is the `kind` of its JSON.
///
/// National and local reservnummer share `reservnummer`; the OID tells the scheme.
public enum IdentifierKind: String, Sendable, Hashable, Codable, CaseIterable {
    case personnummer
    case samordningsnummer
    case reservnummer
    case organisationsnummer
    case hsaID = "hsa-id"
    /// Neither the value's shape nor a given OID says what it is.
    case unknown

    /// The name for a person, e.g. "Personnummer", "HSA-id".
    public var title: LocalizedText {
        switch self {
        case .personnummer: LocalizedText(sv: "Personnummer", en: "Personnummer")
        case .samordningsnummer: LocalizedText(sv: "Samordningsnummer", en: "Samordningsnummer")
        case .reservnummer: LocalizedText(sv: "Reservnummer", en: "Reservnummer")
        case .organisationsnummer: LocalizedText(sv: "Organisationsnummer", en: "Organisationsnummer")
        case .hsaID: LocalizedText(sv: "HSA-id", en: "HSA-id")
        case .unknown: LocalizedText(sv: "Okänd identifierare", en: "Unknown identifier")
        }
    }
}
