/// A Part 10 file from bytes in memory: preamble, `DICM`, file meta information (always Explicit VR Little
/// Endian, PS3.10 7.1), then the data set in the transfer syntax the meta information names.
enum Part10Parser {
    /// Bytes 128–131 of a Part 10 file.
    static let prefix: [UInt8] = Array("DICM".utf8)
    static let preambleLength = 128

    static func parse(
        _ input: UnsafeRawBufferPointer, inputIsComplete: Bool, options: ReadOptions
    ) throws(ParseFailure) -> DICOMFile {
        let metaStart = preambleLength + prefix.count
        guard input.count >= metaStart else {
            if inputIsComplete { throw .invalid(.notPart10(offset: preambleLength)) }
            throw .needMoreInput
        }
        guard input[preambleLength..<metaStart].elementsEqual(prefix) else {
            throw .invalid(.notPart10(offset: preambleLength))
        }
        var metaParser = DataSetParser(
            input: input, isBigEndian: false, inputIsComplete: inputIsComplete,
            maximumDepth: options.maximumSequenceDepth)
        var position = metaStart
        let metaElements = try metaParser.parseTopLevel(
            from: &position, explicitVR: true, stop: .afterGroup(0x0002), expected: .fileMeta)
        let fileMeta = DataSet(
            elements: metaElements, values: metaParser.values, isBigEndian: false, enclosingCharacterSet: .default)
        guard let uid = fileMeta.string(.transferSyntaxUID), !uid.isEmpty else {
            throw .invalid(.missingTransferSyntax(offset: metaStart))
        }
        // Encapsulated and newer syntaxes all encode the data set as Explicit VR Little Endian (PS3.5 A.4).
        let syntax = TransferSyntax.named(uid) ?? TransferSyntax(uid: uid, name: "Unknown transfer syntax")
        let dataSetBytes = UnsafeRawBufferPointer(rebasing: input[position...])
        let dataSet: DataSet
        if syntax.isDeflated {
            dataSet = try DataSetReader.inflateAndParse(
                dataSetBytes, compressedIsComplete: inputIsComplete, streamOffset: position, options: options)
        } else {
            dataSet = try DataSetReader.parse(
                input, from: position, syntax: syntax, inputIsComplete: inputIsComplete, options: options)
        }
        return DICOMFile(fileMeta: fileMeta, dataSet: dataSet, transferSyntax: syntax)
    }
}
