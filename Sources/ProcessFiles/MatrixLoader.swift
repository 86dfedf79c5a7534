import Domain
import Foundation

extension AssessmentMatrix: ProfileFile {}

/// Reads the platforms' assessment matrices from `Processes/matrices/*.yaml` (format in `Processes/README.md`).
public enum MatrixLoader {
    /// The matrices' folder in the processes folder.
    public static func folder(in processes: URL) -> URL {
        processes.appendingPathComponent("matrices")
    }

    /// One matrix from YAML text; `file` names it in problems.
    public static func load(yaml: String, file: String) throws(ProcessLoadError) -> AssessmentMatrix {
        try ProfileFiles.load(AssessmentMatrix.self, yaml: yaml, file: file)
    }

    /// Every `*.yaml` matrix in `folder`, in file-name order; none when the folder does not exist.
    public static func loadFolder(_ folder: URL) throws(ProcessLoadError) -> [AssessmentMatrix] {
        try ProfileFiles.loadFolder(AssessmentMatrix.self, folder)
    }
}
