import Domain
import Foundation

/// Everything the processes folder holds that is published at start and from the admin page: the process
/// definitions (`*.yaml` in the folder) and the assessment matrices (`matrices/*.yaml`). Every problem of every
/// file is reported together.
public enum ProcessFolder {
    public static func load(_ folder: URL) throws(ProcessLoadError) -> (definitions: [ProcessDefinition], matrices: [AssessmentMatrix]) {
        var problems: [ProcessFileProblem] = []
        var definitions: [ProcessDefinition] = []
        var matrices: [AssessmentMatrix] = []
        do { definitions = try ProcessDefinitionLoader.loadFolder(folder) } catch { problems += error.problems }
        do { matrices = try MatrixLoader.loadFolder(MatrixLoader.folder(in: folder)) } catch { problems += error.problems }
        guard problems.isEmpty else { throw ProcessLoadError(problems: problems) }
        return (definitions, matrices)
    }
}
