/// What a platform accepts over HL7 v2 in its verification environment: the messages and their structure, the
/// header values it expects, and the test cases a connecting system must meet. Read from
/// `Processes/profiles/*.yaml`; published by content hash like a process definition, so a test protocol can
/// name exactly the profile it was checked against.
public struct HL7Profile: Sendable, Hashable, Codable {
    /// The profile, the same in every version (`bfr-hl7`).
    public var id: String
    /// The platform code it belongs to (`BFR`).
    public var platform: String
    /// 1, 2, 3 … one number per published content.
    public var version: Int
    public var title: LocalizedText
    /// MSH-12 values accepted (`2.3`, `2.5.1` …).
    public var versions: [String]
    /// MSH-11 values accepted; a verification environment takes test (`T`) and debug (`D`) traffic.
    public var processingIDs: [String]
    /// MSH-5 and MSH-6 expected: the platform's receiving application and facility.
    public var receivingApplication: String?
    public var receivingFacility: String?
    /// MSH-18 values accepted; empty accepts any the codec reads.
    public var characterSets: [String]
    /// Whether an OID written as a plain CX.4 (HD.1, as in Inera's PCD-01 guide) passes with a warning rather
    /// than an error.
    public var plainOIDAllowed: Bool
    /// The messages accepted, by type and event.
    public var messages: [MessageRule]
    /// What the connecting system must show in one test session.
    public var testCases: [TestCase]

    public init(
        id: String, platform: String, version: Int, title: LocalizedText, versions: [String], processingIDs: [String],
        receivingApplication: String?, receivingFacility: String?, characterSets: [String] = [],
        plainOIDAllowed: Bool = true, messages: [MessageRule], testCases: [TestCase]
    ) {
        self.id = id
        self.platform = platform
        self.version = version
        self.title = title
        self.versions = versions
        self.processingIDs = processingIDs
        self.receivingApplication = receivingApplication
        self.receivingFacility = receivingFacility
        self.characterSets = characterSets
        self.plainOIDAllowed = plainOIDAllowed
        self.messages = messages
        self.testCases = testCases
    }

    /// One accepted message type and event (`ADT^A08`) with its segments in order.
    public struct MessageRule: Sendable, Hashable, Codable {
        /// MSH-9.1, e.g. `ADT`.
        public var type: String
        /// MSH-9.2, e.g. `A08`.
        public var event: String
        /// The segments in the order they must come; segments not listed are reported as unexpected.
        public var segments: [SegmentRule]
        /// Field paths that must hold a value (`PID-5.1`, `OBR-4`); MSH's own fields are checked by the header rules.
        public var requiredFields: [String]

        public init(type: String, event: String, segments: [SegmentRule], requiredFields: [String] = []) {
            self.type = type
            self.event = event
            self.segments = segments
            self.requiredFields = requiredFields
        }

        /// `ADT^A08`.
        public var name: String { "\(type)^\(event)" }

        private enum CodingKeys: String, CodingKey {
            case type, event, segments
            case requiredFields = "required_fields"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = try c.decode(String.self, forKey: .type)
            event = try c.decode(String.self, forKey: .event)
            segments = try c.decode([SegmentRule].self, forKey: .segments)
            requiredFields = try c.decodeIfPresent([String].self, forKey: .requiredFields) ?? []
        }
    }

    /// A segment's place in a message: how often it may and must come.
    public struct SegmentRule: Sendable, Hashable, Codable {
        public var id: String
        public var min: Int
        /// nil for no upper bound.
        public var max: Int?

        public init(id: String, min: Int = 0, max: Int? = 1) {
            self.id = id
            self.min = min
            self.max = max
        }

        private enum CodingKeys: String, CodingKey { case id, min, max }

        // In a file `min` defaults to 0 and `max` to 1; `max: null` means no upper bound, so it is written out.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            min = try c.decodeIfPresent(Int.self, forKey: .min) ?? 0
            max = c.contains(.max) ? try c.decodeIfPresent(Int.self, forKey: .max) : 1
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(min, forKey: .min)
            if let max { try c.encode(max, forKey: .max) } else { try c.encodeNil(forKey: .max) }
        }
    }

    /// A test case: a kind of message the connecting system must send and have accepted, such as "ADT^A40
    /// merge of a reservnummer into a personnummer".
    public struct TestCase: Sendable, Hashable, Codable {
        public var id: String
        public var title: LocalizedText
        /// `ADT^A40`.
        public var message: String
        /// A segment the message must carry (`OBX`).
        public var segment: String?
        /// The kind of identifier the patient must have in PID-3.
        public var patientIdentifier: IdentifierKind?
        /// For a merge: the kind of identifier in MRG-1.
        public var mergedIdentifier: IdentifierKind?

        public init(
            id: String, title: LocalizedText, message: String, segment: String? = nil,
            patientIdentifier: IdentifierKind? = nil, mergedIdentifier: IdentifierKind? = nil
        ) {
            self.id = id
            self.title = title
            self.message = message
            self.segment = segment
            self.patientIdentifier = patientIdentifier
            self.mergedIdentifier = mergedIdentifier
        }

        private enum CodingKeys: String, CodingKey {
            case id, title, message, segment
            case patientIdentifier = "patient_identifier"
            case mergedIdentifier = "merged_identifier"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, platform, version, title, versions, messages
        case processingIDs = "processing_ids"
        case receivingApplication = "receiving_application"
        case receivingFacility = "receiving_facility"
        case characterSets = "character_sets"
        case plainOIDAllowed = "plain_oid_allowed"
        case testCases = "test_cases"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        platform = try c.decode(String.self, forKey: .platform)
        version = try c.decode(Int.self, forKey: .version)
        title = try c.decode(LocalizedText.self, forKey: .title)
        versions = try c.decode([String].self, forKey: .versions)
        processingIDs = try c.decode([String].self, forKey: .processingIDs)
        receivingApplication = try c.decodeIfPresent(String.self, forKey: .receivingApplication)
        receivingFacility = try c.decodeIfPresent(String.self, forKey: .receivingFacility)
        characterSets = try c.decodeIfPresent([String].self, forKey: .characterSets) ?? []
        plainOIDAllowed = try c.decodeIfPresent(Bool.self, forKey: .plainOIDAllowed) ?? true
        messages = try c.decode([MessageRule].self, forKey: .messages)
        testCases = try c.decodeIfPresent([TestCase].self, forKey: .testCases) ?? []
    }

    /// The rule for `type^event`, if the profile accepts it.
    public func rule(type: String, event: String) -> MessageRule? {
        messages.first { $0.type == type && $0.event == event }
    }
}
