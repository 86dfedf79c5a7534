/// A connection process as data: phases of sections of checklist items, each phase closed by a gate.
///
/// One definition describes one platform's process (BFR, TakeCare) in one version. It is identified by
/// ``id`` and ``version`` and, exactly, by ``contentHash``; a case pins the ``reference`` it started with,
/// so publishing a new version never changes a running case; only ``CaseCommand/migrate(to:)`` moves it.
///
/// The first phase is the intake phase, worked while the case is in triage; the others are worked while the
/// case is in progress (see ``CaseStatus``). That is why a definition needs at least two phases.
/// Nothing is checked on construction: call ``validate()`` before use; the case engine assumes a valid
/// definition.
public struct ProcessDefinition: Sendable, Hashable, Codable, Identifiable {
    /// Identifies a definition across its versions, such as `bfr` or `takecare`.
    public typealias ID = ProcessIdentifier<ProcessDefinition>

    /// Stays the same across versions of the same process.
    public var id: ID
    /// The code of the platform the process connects to, such as `BFR` or `TAKECARE`.
    public var platform: String
    /// Counts the published versions of this process, starting at 1.
    public var version: Int
    /// The process's name for people.
    public var title: LocalizedText
    /// The phases in the order a case walks them; the first is the intake phase.
    public var phases: [Phase]
    /// What the applicant fills in to order the connection.
    public var form: OrderForm

    /// Builds a definition as given; see ``validate()``.
    public init(id: ID, platform: String, version: Int, title: LocalizedText, phases: [Phase], form: OrderForm = .empty) {
        self.id = id
        self.platform = platform
        self.version = version
        self.title = title
        self.phases = phases
        self.form = form
    }

    private enum CodingKeys: String, CodingKey {
        case id, platform, version, title, phases, form
    }

    // Versions published before definitions carried a form have none stored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ID.self, forKey: .id)
        platform = try container.decode(String.self, forKey: .platform)
        version = try container.decode(Int.self, forKey: .version)
        title = try container.decode(LocalizedText.self, forKey: .title)
        phases = try container.decode([Phase].self, forKey: .phases)
        form = try container.decodeIfPresent(OrderForm.self, forKey: .form) ?? .empty
    }
}
