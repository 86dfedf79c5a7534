import Domain
import Foundation
import Yams

/// Reads process definitions from YAML files (JSON files too, since JSON is YAML) into ``Domain``.
///
/// The format is described in `Processes/README.md`. Loading reports every problem it can find in one
/// go, each with file, line and column: first the YAML and the file's shape; if those are sound, the
/// definition's own rules from ``ProcessDefinition/validate()``, placed at the line of the offending value.
public enum ProcessDefinitionLoader {
    /// Reads one definition from YAML text; `file` is only used to name the file in problems.
    public static func load(yaml: String, file: String) throws(ProcessLoadError) -> ProcessDefinition {
        try read(yaml: yaml, file: file).definition
    }

    /// Reads one definition from a file, named in problems by its path.
    public static func load(contentsOf url: URL) throws(ProcessLoadError) -> ProcessDefinition {
        try read(contentsOf: url).definition
    }

    /// Reads every `*.yaml` file directly in a folder, in file-name order.
    ///
    /// Problems from all files are reported together. Two files that define the same id and version are
    /// a problem too (`duplicate-definition`, at the second file's `id`). Other files in the folder are
    /// ignored, so anything that is not a process definition must not end in `.yaml` there.
    public static func loadFolder(_ folder: URL) throws(ProcessLoadError) -> [ProcessDefinition] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw ProcessLoadError(problems: [unreadable(folder.path, error)])
        }
        var definitions: [ProcessDefinition] = []
        var problems: [ProcessFileProblem] = []
        var seen: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".yaml") {
            do {
                let loaded = try read(contentsOf: folder.appendingPathComponent(name))
                let key = "\(loaded.definition.id)@\(loaded.definition.version)"
                if let first = seen[key] {
                    problems.append(ProcessFileProblem(
                        file: loaded.file, line: loaded.idPosition?.line ?? 1, column: loaded.idPosition?.column ?? 1,
                        code: "duplicate-definition",
                        message: LocalizedText(
                            sv: "Processen \(key) finns redan i \(first).",
                            en: "The process \(key) is already defined in \(first)."
                        )
                    ))
                } else {
                    seen[key] = loaded.file
                    definitions.append(loaded.definition)
                }
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw ProcessLoadError(problems: problems) }
        return definitions
    }

    private struct Loaded {
        let definition: ProcessDefinition
        let file: String
        let idPosition: FilePosition?
    }

    private static func read(contentsOf url: URL) throws(ProcessLoadError) -> Loaded {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ProcessLoadError(problems: [unreadable(url.path, error)])
        }
        return try read(yaml: text, file: url.path)
    }

    private static func read(yaml: String, file: String) throws(ProcessLoadError) -> Loaded {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ProcessLoadError(problems: [YAMLSyntaxProblem.problem(for: error, in: yaml, file: file)])
        }
        guard let root else {
            throw ProcessLoadError(problems: [ProcessFileProblem(
                file: file, line: 1, column: 1, code: "empty-file",
                message: LocalizedText(sv: "Filen innehåller ingen process.", en: "The file holds no process.")
            )])
        }
        var reader = DefinitionReader(file: file)
        let definition = reader.read(root)
        guard let definition, reader.problems.isEmpty else {
            throw ProcessLoadError(problems: reader.problems)
        }
        let problems = definition.validate().map { problem in
            let at = reader.position(nearest: problem.path) ?? .start
            return ProcessFileProblem(
                file: file, line: at.line, column: at.column,
                code: problem.code.rawValue, message: problem.message
            )
        }
        guard problems.isEmpty else { throw ProcessLoadError(problems: problems) }
        return Loaded(definition: definition, file: file, idPosition: reader.position(nearest: DefinitionPath().appending("id")))
    }

    private static func unreadable(_ path: String, _ error: any Error) -> ProcessFileProblem {
        ProcessFileProblem(
            file: path, line: 1, column: 1, code: "unreadable-file",
            message: LocalizedText(
                sv: "Kunde inte läsas som UTF-8: \(error.localizedDescription)",
                en: "Could not be read as UTF-8: \(error.localizedDescription)"
            )
        )
    }
}
