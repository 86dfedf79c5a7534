import Foundation

/// A platform's verification environment for DICOM: which character sets its archive takes and the test cases a
/// connecting modality or archive must meet in one session. Read from `Processes/profiles/dicom/*.yaml` and
/// hashed like an HL7 profile, so a test protocol names the profile id, version and hash it was checked against.
public struct DICOMProfile: Sendable, Hashable, Codable {
    /// The profile, the same in every version (`bfr-dicom`).
    public var id: String
    /// The platform code it belongs to (`BFR`).
    public var platform: String
    public var version: Int
    public var title: LocalizedText
    /// (0008,0005) Specific Character Set values accepted (`ISO_IR 100`, `ISO_IR 192`); an object without one is
    /// in the default repertoire (ASCII), which cannot write å, ä or ö.
    public var characterSets: [String]
    /// What the connecting system must show in one test session.
    public var testCases: [TestCase]

    public init(
        id: String, platform: String, version: Int, title: LocalizedText, characterSets: [String], testCases: [TestCase]
    ) {
        self.id = id
        self.platform = platform
        self.version = version
        self.title = title
        self.characterSets = characterSets
        self.testCases = testCases
    }

    /// A kind of object the connecting system must send and have stored without errors, such as "a CT series with
    /// a correct IssuerOfPatientID"; every condition given must hold.
    public struct TestCase: Sendable, Hashable, Codable {
        public var id: String
        public var title: LocalizedText
        /// (0008,0060), e.g. `CT`.
        public var modality: String?
        /// The kind of identifier the patient must have in (0010,0020).
        public var patientIdentifier: IdentifierKind?
        /// Whether the issuer, (0010,0021) or (0010,0024), must name the identifier's OID.
        public var issuerRequired: Bool
        /// Whether the object must be a new version of one the session already holds (same SOP Instance UID,
        /// other content): a corrected study sent again.
        public var resent: Bool

        public init(
            id: String, title: LocalizedText, modality: String? = nil, patientIdentifier: IdentifierKind? = nil,
            issuerRequired: Bool = false, resent: Bool = false
        ) {
            self.id = id
            self.title = title
            self.modality = modality
            self.patientIdentifier = patientIdentifier
            self.issuerRequired = issuerRequired
            self.resent = resent
        }

        private enum CodingKeys: String, CodingKey {
            case id, title, modality, resent
            case patientIdentifier = "patient_identifier"
            case issuerRequired = "issuer_required"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            title = try c.decode(LocalizedText.self, forKey: .title)
            modality = try c.decodeIfPresent(String.self, forKey: .modality)
            patientIdentifier = try c.decodeIfPresent(IdentifierKind.self, forKey: .patientIdentifier)
            issuerRequired = try c.decodeIfPresent(Bool.self, forKey: .issuerRequired) ?? false
            resent = try c.decodeIfPresent(Bool.self, forKey: .resent) ?? false
        }

        /// Whether one stored object meets this test case: stored without errors, and with every condition given.
        public func isMet(by object: DICOMObjectSummary, withErrors: Bool, resent objectWasResent: Bool) -> Bool {
            guard !withErrors else { return false }
            if let modality, object.modality != modality { return false }
            if let patientIdentifier, object.patientIdentifierKind != patientIdentifier { return false }
            if issuerRequired && !object.issuerNamesIdentifier { return false }
            if resent && !objectWasResent { return false }
            return true
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, platform, version, title
        case characterSets = "character_sets"
        case testCases = "test_cases"
    }

    /// Lower-case hexadecimal SHA-256 of the profile's canonical JSON, as for HL7 profiles.
    public var contentHash: String { CanonicalJSON.hash(of: self) }

    /// What is wrong with the profile itself, if anything.
    public func problems() -> [LocalizedText] {
        var problems: [LocalizedText] = []
        func add(_ sv: String, _ en: String) { problems.append(LocalizedText(sv: sv, en: en)) }
        if platform.isEmpty || !platform.allSatisfy({ $0.isUppercase || $0.isNumber }) {
            add("platform: \"\(platform)\" är ingen plattformskod.", "platform: \"\(platform)\" is no platform code.")
        }
        if version < 1 { add("version: måste vara 1 eller mer.", "version: must be 1 or more.") }
        if characterSets.isEmpty {
            add("character_sets: minst en teckenuppsättning.", "character_sets: at least one character set.")
        }
        var seen = Set<String>()
        for testCase in testCases where !seen.insert(testCase.id).inserted {
            add("test_cases: \(testCase.id) finns två gånger.", "test_cases: \(testCase.id) is listed twice.")
        }
        return problems
    }
}
