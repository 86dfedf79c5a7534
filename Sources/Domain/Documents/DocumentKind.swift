/// What an attachment on a case is for: the attachment list of the BFR order (Del 1) and TakeCare's request.
///
/// Each kind keeps its own versions: a new upload of a kind is the next version, and earlier ones stay.
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case mappingSpecification = "mapping_specification"
    case flowDescription = "flow_description"
    case systemSpecification = "system_specification"
    case informationSecurityClassification = "information_security_classification"
    case screenshot
    case sad
    case questionnaire
    case agreement
    case testProtocol = "test_protocol"
    case other

    /// The kind's name for people, in Swedish and English.
    public var title: LocalizedText {
        switch self {
        case .mappingSpecification: LocalizedText(sv: "Mappningsspecifikation", en: "Mapping specification")
        case .flowDescription: LocalizedText(sv: "Flödesbeskrivning (systemskiss)", en: "Flow description (system sketch)")
        case .systemSpecification: LocalizedText(sv: "Systemspecifikation", en: "System specification")
        case .informationSecurityClassification:
            LocalizedText(sv: "Informationssäkerhetsklassning", en: "Information security classification")
        case .screenshot: LocalizedText(sv: "Skärmdump", en: "Screenshot")
        case .sad:
            LocalizedText(sv: "SAD (Software Architecture Description)", en: "SAD (Software Architecture Description)")
        case .questionnaire: LocalizedText(sv: "Frågeformulär", en: "Questionnaire")
        case .agreement: LocalizedText(sv: "Avtal", en: "Agreement")
        case .testProtocol: LocalizedText(sv: "Testprotokoll", en: "Test protocol")
        case .other: LocalizedText(sv: "Övrigt", en: "Other")
        }
    }
}
