import Domain
import Foundation

/// Reads the platforms' HL7 verification profiles from `Processes/profiles/*.yaml` (format in
/// `Processes/README.md`).
public enum HL7ProfileLoader {
    /// The folder beside the process files that holds the HL7 profiles.
    public static func folder(in processes: URL) -> URL {
        processes.appendingPathComponent("profiles")
    }

    /// One profile from YAML text; `file` names it in problems.
    public static func load(yaml: String, file: String) throws(ProcessLoadError) -> HL7Profile {
        try ProfileFiles.load(HL7Profile.self, yaml: yaml, file: file)
    }

    /// Every `*.yaml` profile in `folder`, in file-name order; none when the folder does not exist.
    public static func loadFolder(_ folder: URL) throws(ProcessLoadError) -> [HL7Profile] {
        try ProfileFiles.loadFolder(HL7Profile.self, folder)
    }
}
