import Domain
import Foundation

/// Reads the platforms' DICOM verification profiles from `Processes/profiles/dicom/*.yaml` (format in
/// `Processes/README.md`).
public enum DICOMProfileLoader {
    /// The folder beside the HL7 profiles that holds the DICOM profiles.
    public static func folder(in processes: URL) -> URL {
        HL7ProfileLoader.folder(in: processes).appendingPathComponent("dicom")
    }

    /// One profile from YAML text; `file` names it in problems.
    public static func load(yaml: String, file: String) throws(ProcessLoadError) -> DICOMProfile {
        try ProfileFiles.load(DICOMProfile.self, yaml: yaml, file: file)
    }

    /// Every `*.yaml` profile in `folder`, in file-name order; none when the folder does not exist.
    public static func loadFolder(_ folder: URL) throws(ProcessLoadError) -> [DICOMProfile] {
        try ProfileFiles.loadFolder(DICOMProfile.self, folder)
    }
}
