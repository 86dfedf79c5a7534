/// One HL7 v2 (ER7) message: the bytes as received plus an index of where each segment and field lies.
///
/// Parsing reads the bytes once to record segment bounds and field-separator offsets; nothing else is
/// copied or decoded. Components, repetitions, escapes and the character set are handled only when a value
/// is asked for (``value(at:)``, ``MessageElement/text``), because most users read a handful of fields of a
/// message and forward the rest unchanged. The bytes are kept as they are, so ``bytes`` is also the
/// encoding: a parsed message written back is byte-identical.
///
/// Segment ends: CR, LF and CR LF are all accepted. The end of the MSH segment decides which byte ends a
/// segment in this message: when MSH ends in a lone CR (the standard), a LF elsewhere is text (reports with
/// bare line feeds inside OBX-5 stay intact) except directly after a CR; when MSH ends in LF or CR LF, LF
/// ends segments and a CR before it belongs to the line end. Empty lines are skipped.
public struct Message: Sendable {
    /// The message exactly as received.
    public let bytes: [UInt8]
    /// The delimiters from MSH-1 and MSH-2.
    public let encodingCharacters: EncodingCharacters
    /// The character set from MSH-18 (first repetition).
    public let characterSet: MessageCharset
    let index: MessageIndex

    /// How to treat bytes that are not valid in the declared character set.
    public enum CharacterSetValidation: Sendable {
        /// Reject a message declaring `UNICODE UTF-8` whose bytes are not valid UTF-8.
        case strict
        /// Accept it and show the bad bytes as U+FFFD when decoding.
        case lenient
    }

    /// Parses a message; throws ``HL7Error`` with the position of the first problem.
    public init(bytes: [UInt8], characterSetValidation: CharacterSetValidation = .strict) throws(HL7Error) {
        let index = try bytes.withUnsafeBufferPointer { buffer throws(HL7Error) in
            try MessageIndexer.index(buffer)
        }
        self.bytes = bytes
        self.index = index
        encodingCharacters = index.delimiters
        characterSet = Self.characterSet(bytes: bytes, index: index)
        if characterSet == .utf8, characterSetValidation == .strict {
            try validateUTF8()
        }
    }

    /// Parses a message written as a Swift string (its UTF-8 bytes), mainly for tests and literals.
    public init(_ text: String, characterSetValidation: CharacterSetValidation = .strict) throws(HL7Error) {
        try self.init(bytes: Array(text.utf8), characterSetValidation: characterSetValidation)
    }

    /// The message as bytes for sending or storing: the received bytes, unchanged.
    public func encoded() -> [UInt8] {
        bytes
    }

    /// The set MSH-18's first repetition names, read raw: it names the set, so it cannot be decoded with it. The
    /// spellings nearly every message carries are recognised on the bytes, without making a string (every message
    /// is parsed, so this counts); anything else goes through ``MessageCharset/init(msh18:)``, which reads those
    /// spellings the same.
    private static func characterSet(bytes: [UInt8], index: MessageIndex) -> MessageCharset {
        guard let field = index.fieldRange(segment: 0, number: 18) else { return MessageCharset(msh18: "") }
        let first = index.piece(1, of: field, separatedBy: index.delimiters.repetition, in: bytes) ?? field
        let known = bytes.withUnsafeBufferPointer { buffer -> MessageCharset? in
            let name = UnsafeBufferPointer(rebasing: buffer[first])
            if name.elementsEqual(Self.utf8Name) { return .utf8 }
            if name.elementsEqual(Self.latin1Name) { return .latin1 }
            return nil
        }
        return known ?? MessageCharset(msh18: String(decoding: bytes[first], as: UTF8.self))
    }

    private static let utf8Name: [UInt8] = Array("UNICODE UTF-8".utf8)
    private static let latin1Name: [UInt8] = Array("8859/1".utf8)

    private func validateUTF8() throws(HL7Error) {
        let invalid = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
        if let invalid {
            throw .invalidUTF8(index.position(ofByteOffset: invalid, in: bytes))
        }
    }
}
