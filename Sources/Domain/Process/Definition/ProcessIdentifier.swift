/// A stable, readable identifier of something inside a process definition, such as `del2.test.testplan`.
///
/// The phantom `Subject` keeps the identifiers of definitions, phases, sections and items apart, so an
/// item id cannot be passed where a phase id is expected. The text itself is not checked here; a
/// definition's ``ProcessDefinition/validate()`` reports ids that break the format
/// (lower-case ASCII letters and digits, joined by single `.`, `-` or `_`).
public struct ProcessIdentifier<Subject>: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The identifier as written in the process file.
    public let rawValue: String

    /// Wraps the text as it is; validation happens on the whole definition.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps the text as it is; validation happens on the whole definition.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Lets tests and fixtures write ids as string literals.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The raw identifier, so ids read naturally in messages.
    public var description: String { rawValue }

    /// Orders ids by their text, which keeps reports such as dropped items stable.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// Identifies a phase within one process definition (`del2`, `steg3`).
public typealias PhaseID = ProcessIdentifier<ProcessDefinition.Phase>

/// Identifies a section within one process definition (`del2.test`).
public typealias SectionID = ProcessIdentifier<ProcessDefinition.Section>

/// Identifies a checklist item within one process definition (`del2.test.testplan`).
///
/// Item ids are what case state is keyed by, so they must stay the same across versions of a definition
/// for item states to survive a migration.
public typealias ItemID = ProcessIdentifier<ProcessDefinition.Item>
