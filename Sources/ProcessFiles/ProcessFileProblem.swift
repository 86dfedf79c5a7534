import Domain

/// One thing wrong with a process file, at a line and column of that file.
///
/// Covers YAML syntax, the file's shape (missing, unknown or mistyped fields, unknown role names) and,
/// through the path of each ``DefinitionProblem``, the definition's own rules (unique ids, gates that name
/// existing items, …).
public struct ProcessFileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as it was named to the loader.
    public let file: String
    /// Line in the file, counted from 1.
    public let line: Int
    /// Column in the line, counted from 1 in Unicode scalars.
    public let column: Int
    /// A stable code: one of the loader's own (`yaml-syntax`, `duplicate-key`, `missing-field`,
    /// `unknown-field`, `wrong-type`, `unknown-role`, `unknown-kind`, `unknown-evidence`, `duplicate-evidence`,
    /// `empty-file`, `unreadable-file`, `duplicate-definition`) or a ``DefinitionProblem/Code`` raw value.
    public let code: String
    /// What is wrong, for people.
    public let message: LocalizedText

    /// A problem at a position.
    public init(file: String, line: Int, column: Int, code: String, message: LocalizedText) {
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    /// `Processes/bfr.yaml:12:9: error: duplicate-id: …`, in English, the way compilers report.
    public var description: String {
        "\(file):\(line):\(column): error: \(code): \(message.en)"
    }
}

/// Why one or more process files could not be loaded: every problem found, ordered by file and line.
public struct ProcessLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, never empty.
    public let problems: [ProcessFileProblem]

    /// The problems, sorted by file, line and column.
    public init(problems: [ProcessFileProblem]) {
        self.problems = problems.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
