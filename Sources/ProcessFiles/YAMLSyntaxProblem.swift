import Domain
import Yams

/// Turns the errors Yams throws while composing a document into positioned problems.
enum YAMLSyntaxProblem {
    static func problem(for error: any Error, in yaml: String, file: String) -> ProcessFileProblem {
        let (position, code, detail): (FilePosition?, String, String) = switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            (FilePosition(mark), "yaml-syntax", problem)
        case .reader(let problem, let offset, _, _):
            (offset.map { Self.position(ofCharacterOffset: $0, in: yaml) }, "yaml-syntax", problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            (FilePosition(context.mark), "duplicate-key", duplicates.joined(separator: ", "))
        default:
            (nil, "yaml-syntax", "\(error)")
        }
        let message = code == "duplicate-key"
            ? LocalizedText(sv: "Nyckeln finns mer än en gång: \(detail).", en: "The key appears more than once: \(detail).")
            : LocalizedText(sv: "Ogiltig YAML: \(detail).", en: "Invalid YAML: \(detail).")
        let at = position ?? .start
        return ProcessFileProblem(file: file, line: at.line, column: at.column, code: code, message: message)
    }

    private static func position(ofCharacterOffset offset: Int, in text: String) -> FilePosition {
        let prefix = text.prefix(offset)
        let lineStart = prefix.lastIndex(of: "\n").map(prefix.index(after:)) ?? prefix.startIndex
        return FilePosition(
            line: prefix.count { $0 == "\n" } + 1,
            column: prefix[lineStart...].unicodeScalars.count + 1
        )
    }
}
