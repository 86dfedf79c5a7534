import Domain
import Foundation
import Yams

/// A verification profile as a file holds it: named by id and version, with mistakes of its own to report.
protocol ProfileFile: Decodable {
    var id: String { get }
    var version: Int { get }
    func problems() -> [LocalizedText]
}

extension HL7Profile: ProfileFile {}
extension DICOMProfile: ProfileFile {}

/// Reads verification profiles from YAML (format in `Processes/README.md`). A file that does not read, or a profile
/// with a mistake of its own, is a problem naming the file; all are reported together.
enum ProfileFiles {
    /// One profile from YAML text; `file` names it in problems.
    static func load<Profile: ProfileFile>(_: Profile.Type, yaml: String, file: String) throws(ProcessLoadError) -> Profile {
        let profile: Profile
        do {
            profile = try YAMLDecoder().decode(Profile.self, from: yaml)
        } catch {
            throw ProcessLoadError(problems: [problem(file, code: "wrong-shape", LocalizedText(
                sv: "Profilen kan inte läsas: \(describe(error)).", en: "The profile cannot be read: \(describe(error))."))])
        }
        let problems = profile.problems()
        guard problems.isEmpty else {
            throw ProcessLoadError(problems: problems.map { problem(file, code: "invalid-profile", $0) })
        }
        return profile
    }

    /// Every `*.yaml` profile in `folder`, in file-name order; none when the folder does not exist. Two files with
    /// the same id and version are a problem.
    static func loadFolder<Profile: ProfileFile>(_: Profile.Type, _ folder: URL) throws(ProcessLoadError) -> [Profile] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var profiles: [Profile] = []
        var problems: [ProcessFileProblem] = []
        for name in names.sorted() where name.hasSuffix(".yaml") {
            let path = folder.appendingPathComponent(name).path
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let profile = try load(Profile.self, yaml: text, file: path)
                if profiles.contains(where: { $0.id == profile.id && $0.version == profile.version }) {
                    problems.append(problem(path, code: "duplicate-definition", LocalizedText(
                        sv: "Profilen \(profile.id)@\(profile.version) finns redan.",
                        en: "The profile \(profile.id)@\(profile.version) is already defined.")))
                } else {
                    profiles.append(profile)
                }
            } catch let error as ProcessLoadError {
                problems += error.problems
            } catch {
                problems.append(problem(path, code: "unreadable-file", LocalizedText(
                    sv: "Filen kan inte läsas: \(error.localizedDescription)", en: "The file cannot be read: \(error.localizedDescription)")))
            }
        }
        guard problems.isEmpty else { throw ProcessLoadError(problems: problems) }
        return profiles
    }

    private static func problem(_ file: String, code: String, _ message: LocalizedText) -> ProcessFileProblem {
        ProcessFileProblem(file: file, line: 1, column: 1, code: code, message: message)
    }

    /// A decoding error as the path to the value and what was wrong with it.
    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch decoding {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
