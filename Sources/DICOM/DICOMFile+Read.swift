/// Reading Part 10 objects from memory.
extension DICOMFile {
    /// Reads a Part 10 object held in memory. Values are copied out of `bytes` (pixel data is not), so the
    /// result does not keep `bytes` alive.
    public static func read(
        from bytes: UnsafeRawBufferPointer, options: ReadOptions = .full
    ) throws(DICOMReadError) -> DICOMFile {
        do {
            return try Part10Parser.parse(bytes, inputIsComplete: true, options: options)
        } catch {
            throw error.readError(inputCount: bytes.count)
        }
    }

    /// Reads a Part 10 object held in memory; see ``read(from:options:)-(UnsafeRawBufferPointer,_)``.
    public static func read(from bytes: [UInt8], options: ReadOptions = .full) throws(DICOMReadError) -> DICOMFile {
        try bytes.withTypedBytes { buffer throws(DICOMReadError) in try read(from: buffer, options: options) }
    }
}

/// Reading a data set on its own, as it arrives over the network after association negotiation.
extension DataSet {
    /// Reads a data set encoded in `transferSyntax` that fills `bytes` (a deflated one is inflated first).
    public static func read(
        from bytes: UnsafeRawBufferPointer, transferSyntax: TransferSyntax, options: ReadOptions = .full
    ) throws(DICOMReadError) -> DataSet {
        do {
            if transferSyntax.isDeflated {
                return try DataSetReader.inflateAndParse(
                    bytes, compressedIsComplete: true, streamOffset: 0, options: options)
            }
            return try DataSetReader.parse(
                bytes, from: 0, syntax: transferSyntax, inputIsComplete: true, options: options)
        } catch {
            throw error.readError(inputCount: bytes.count)
        }
    }

    /// Reads a data set encoded in `transferSyntax` that fills `bytes`.
    public static func read(
        from bytes: [UInt8], transferSyntax: TransferSyntax, options: ReadOptions = .full
    ) throws(DICOMReadError) -> DataSet {
        try bytes.withTypedBytes { buffer throws(DICOMReadError) in
            try read(from: buffer, transferSyntax: transferSyntax, options: options)
        }
    }
}

extension ParseFailure {
    /// The public error. A parse told its input is complete never asks for more; if it did, that is reported
    /// as the input ending rather than trusted.
    func readError(inputCount: Int) -> DICOMReadError {
        switch self {
        case .invalid(let error): error
        case .needMoreInput: .truncatedHeader(offset: inputCount, tag: nil, needed: 8, available: 0)
        }
    }
}
