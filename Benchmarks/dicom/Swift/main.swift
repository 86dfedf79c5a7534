// Header-read throughput, for BENCHMARKS.md: reads every .dcm file in a folder as a receiver would (open,
// read up to the pixel data, extract the fields the checks use) over and over for a few seconds.
// Benchmarks/dicom/run.sh builds it in release, pins it to one core and runs the peers on the same files.
// Usage: dicom-bench FOLDER. Prints `<measure> <files per second> files/s`.
import DICOM
import Foundation

let secondsPerMeasure = 3.0

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: dicom-bench FOLDER\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: CommandLine.arguments[1])
let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    .filter { $0.hasSuffix(".dcm") }.sorted().map { folder.appendingPathComponent($0).path }
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("no .dcm files in \(folder.path)\n".utf8))
    exit(1)
}

/// The fields a receiver's checks read, decoded; returns a number derived from them so none is optimised away.
func extractFields(_ file: DICOMFile) -> Int {
    let dataSet = file.dataSet
    let fields: [String?] = [
        dataSet.patientID, dataSet.issuerOfPatientID, dataSet.issuerOfPatientIDQualifiers.first?.universalEntityID,
        dataSet.issuerOfPatientIDQualifiers.first?.universalEntityIDType, dataSet.patientName,
        dataSet.studyInstanceUID, dataSet.seriesInstanceUID, dataSet.sopInstanceUID, dataSet.sopClassUID,
        dataSet.accessionNumber, dataSet.institutionName, dataSet.modality, dataSet.studyDate,
        file.transferSyntaxUID, file.mediaStorageSOPClassUID, file.mediaStorageSOPInstanceUID,
    ]
    return fields.reduce(dataSet.specificCharacterSet.count) { $0 &+ ($1?.utf8.count ?? 0) }
}

/// Seconds of CPU this process has used. The machine is shared, so rates are given per CPU second as well as
/// per wall-clock second: the CPU figure is what the code costs, the wall figure what the run saw.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func wallSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` over all inputs for about `secondsPerMeasure`; returns files per wall second and per CPU second.
func throughput<Input>(_ inputs: [Input], _ body: (Input) throws -> Int) rethrows -> (wall: Int, cpu: Int) {
    let wallStart = wallSeconds()
    let cpuStart = processCPUSeconds()
    var files = 0
    var checksum = 0
    while wallSeconds() - wallStart < secondsPerMeasure {
        for input in inputs {
            checksum &+= try body(input)
        }
        files += inputs.count
    }
    let wall = wallSeconds() - wallStart
    let cpu = processCPUSeconds() - cpuStart
    if checksum == 42 { print("") }  // keeps the work observable
    return (Int(Double(files) / wall), Int(Double(files) / cpu))
}

// Check once that every file reads and has the fields, so the timing is of successful reads.
for path in paths {
    let file = try DICOMFile.read(atPath: path)
    guard file.dataSet.patientID != nil, UID.isValid(file.dataSet.sopInstanceUID ?? "") else {
        FileHandle.standardError.write(Data("\(path): fields missing\n".utf8))
        exit(1)
    }
}

let fromDisk = try throughput(paths) { extractFields(try DICOMFile.read(atPath: $0)) }
print(
    "swift-header-from-disk \(fromDisk.cpu) files/cpu-s \(fromDisk.wall) files/s (\(paths.count) files, open + read to pixel data + fields)"
)

let inMemory = try paths.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
let parseOnly = try throughput(inMemory) { extractFields(try DICOMFile.read(from: $0, options: .headerOnly)) }
print(
    "swift-header-in-memory \(parseOnly.cpu) files/cpu-s \(parseOnly.wall) files/s (parse + fields, files already in memory)"
)
