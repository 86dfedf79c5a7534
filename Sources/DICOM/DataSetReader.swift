/// Parses one data set in a given transfer syntax: the part shared by Part 10 files and data sets that
/// arrive over the network in P-DATA-TF.
enum DataSetReader {
    static func parse(
        _ input: UnsafeRawBufferPointer, from start: Int, syntax: TransferSyntax, inputIsComplete: Bool,
        options: ReadOptions
    ) throws(ParseFailure) -> DataSet {
        var parser = DataSetParser(
            input: input, isBigEndian: syntax.isBigEndian, inputIsComplete: inputIsComplete,
            maximumDepth: options.maximumSequenceDepth)
        var position = start
        let elements = try parser.parseTopLevel(
            from: &position, explicitVR: syntax.isExplicitVR, stop: options.stopBeforePixelData ? .atPixelData : .never,
            expected: .dataSet)
        return DataSet(
            elements: elements, values: parser.values, isBigEndian: syntax.isBigEndian, enclosingCharacterSet: .default)
    }

    /// Inflates a Deflated Explicit VR Little Endian data set a piece at a time and parses what has been
    /// inflated, inflating more only while the parse needs it: a header read of a deflated object inflates
    /// little more than its header, and no read inflates past ``ReadOptions/maximumInflatedSize``.
    /// `streamOffset` is where the compressed bytes start in the input, for error messages.
    static func inflateAndParse(
        _ compressed: UnsafeRawBufferPointer, compressedIsComplete: Bool, streamOffset: Int, options: ReadOptions
    ) throws(ParseFailure) -> DataSet {
        var limit = min(64 << 10, options.maximumInflatedSize)
        while true {
            let inflated: [UInt8]
            let outcome: Inflater.Outcome
            do {
                (inflated, outcome) = try Inflater.inflate(compressed, limit: limit)
            } catch {
                throw .invalid(.inflateFailed(offset: streamOffset, reason: error.reason))
            }
            if outcome == .inputExhausted, !compressedIsComplete { throw .needMoreInput }
            do {
                return try inflated.withTypedBytes { bytes throws(ParseFailure) in
                    try parse(
                        bytes, from: 0, syntax: .explicitVRLittleEndian, inputIsComplete: outcome == .streamEnded,
                        options: options)
                }
            } catch .needMoreInput {
                switch outcome {
                case .streamEnded:
                    // A complete input never needs more; were it to, the end of the input is the error.
                    throw .invalid(ParseFailure.needMoreInput.readError(inputCount: inflated.count))
                case .inputExhausted:
                    throw .invalid(.inflateFailed(offset: streamOffset, reason: "the deflate stream is cut short"))
                case .outputFull:
                    guard limit < options.maximumInflatedSize else {
                        throw .invalid(
                            .inflatedSizeLimitExceeded(offset: streamOffset, limit: options.maximumInflatedSize))
                    }
                    limit = min(limit * 4, options.maximumInflatedSize)
                }
            }
        }
    }
}
