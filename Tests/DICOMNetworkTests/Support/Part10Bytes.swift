import Foundation

/// The bytes of a Part 10 file after its file meta information: the data set as sent or received. The meta
/// information's length comes from (0002,0000), which every file here has.
func dataSetBytes(ofPart10File path: String) throws -> [UInt8] {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    precondition(bytes.count >= 144 && Array(bytes[128..<132]) == Array("DICM".utf8), "\(path) is not Part 10")
    let groupLength = bytes[140..<144].reversed().reduce(0) { $0 << 8 | Int($1) }
    return Array(bytes[(144 + groupLength)...])
}
