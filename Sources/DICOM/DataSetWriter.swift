/// Builds a data set and encodes it, so tests and benchmarks make their own fixtures in every transfer
/// syntax the reader handles, including the shapes real writers produce (defined and undefined lengths,
/// encapsulated pixel data).
///
/// Not a general DICOM writer: it does no validation beyond what the encoding needs, and it trusts the VRs it
/// is given.
public struct DataSetWriter: Sendable {
    /// A value to encode.
    public enum Value: Sendable {
        /// Raw bytes, written as they are (padded to even length).
        case bytes([UInt8])
        /// Text, encoded in the writer's character set; backslash separates values.
        case text(String)
        /// US values, in the transfer syntax's byte order.
        case uint16([UInt16])
        /// UL values, in the transfer syntax's byte order.
        case uint32([UInt32])
        /// Items, each a nested data set. `undefinedLength` writes the sequence and its items with delimiters.
        case sequence([DataSetWriter], undefinedLength: Bool)
        /// Encapsulated pixel data: an empty basic offset table, then one item per fragment.
        case fragments([[UInt8]])
    }

    /// The elements to write; ``encoded(as:)`` writes them in tag order.
    public private(set) var elements: [(tag: DICOMTag, vr: VR, value: Value)] = []
    /// The character set text values are encoded in. Anything but the default is also written as (0008,0005).
    public let characterSet: SpecificCharacterSet

    /// An empty data set whose text is encoded in `characterSet`.
    public init(characterSet: SpecificCharacterSet = .default) {
        self.characterSet = characterSet
        if !characterSet.terms.isEmpty {
            set(.specificCharacterSet, .CS, .text(characterSet.terms.joined(separator: "\\")))
        }
    }

    /// Adds or replaces the element `tag`.
    public mutating func set(_ tag: DICOMTag, _ vr: VR, _ value: Value) {
        elements.removeAll { $0.tag == tag }
        elements.append((tag, vr, value))
    }

    /// Adds or replaces a text element whose VR is the dictionary's.
    public mutating func set(_ tag: DICOMTag, _ text: String) {
        set(tag, DataDictionary.entry(for: tag)?.vr ?? .UN, .text(text))
    }

    /// The data set encoded in `syntax`: Explicit or Implicit VR Little Endian, Explicit VR Big Endian, or
    /// deflated Explicit VR Little Endian.
    public func encoded(as syntax: TransferSyntax) -> [UInt8] {
        var encoder = Encoder(explicitVR: syntax.isExplicitVR, bigEndian: syntax.isBigEndian)
        encoder.write(self)
        return syntax.isDeflated ? Deflater.deflate(encoder.bytes) : encoder.bytes
    }

    /// A Part 10 file: 128 zero bytes, `DICM`, the file meta information, then the data set in `syntax`.
    /// Media Storage SOP Class and Instance UID are taken from the data set's (0008,0016) and (0008,0018).
    public func part10(transferSyntax syntax: TransferSyntax) -> [UInt8] {
        var meta = DataSetWriter()
        meta.set(.fileMetaInformationVersion, .OB, .bytes([0x00, 0x01]))
        meta.set(.mediaStorageSOPClassUID, .UI, .text(text(of: .sopClassUID) ?? ""))
        meta.set(.mediaStorageSOPInstanceUID, .UI, .text(text(of: .sopInstanceUID) ?? ""))
        meta.set(.transferSyntaxUID, .UI, .text(syntax.uid))
        meta.set(.implementationClassUID, .UI, .text("1.2.826.0.1.3680043.10.1418.1"))
        meta.set(.implementationVersionName, .SH, .text("ANSLUT_TEST"))
        let metaBody = meta.encoded(as: .explicitVRLittleEndian)
        var groupLength = DataSetWriter()
        groupLength.set(.fileMetaInformationGroupLength, .UL, .uint32([UInt32(metaBody.count)]))
        return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
            + groupLength.encoded(as: .explicitVRLittleEndian) + metaBody + encoded(as: syntax)
    }

    private func text(of tag: DICOMTag) -> String? {
        guard let element = elements.first(where: { $0.tag == tag }), case .text(let text) = element.value else {
            return nil
        }
        return text
    }
}

/// The byte-level encoding of ``DataSetWriter``.
private struct Encoder {
    let explicitVR: Bool
    let bigEndian: Bool
    var bytes: [UInt8] = []

    mutating func write(_ dataSet: DataSetWriter) {
        for element in dataSet.elements.sorted(by: { $0.tag < $1.tag }) {
            write(element.tag, element.vr, element.value, characterSet: dataSet.characterSet)
        }
    }

    private mutating func write(
        _ tag: DICOMTag, _ vr: VR, _ value: DataSetWriter.Value, characterSet: SpecificCharacterSet
    ) {
        switch value {
        case .sequence(let items, let undefinedLength):
            var body = Encoder(explicitVR: explicitVR, bigEndian: bigEndian)
            for item in items {
                var itemBody = Encoder(explicitVR: explicitVR, bigEndian: bigEndian)
                itemBody.write(item)
                body.writeTag(.item)
                body.writeUInt32(undefinedLength ? DataElement.undefinedLength : UInt32(itemBody.bytes.count))
                body.bytes += itemBody.bytes
                if undefinedLength { body.writeDelimiter(.itemDelimitationItem) }
            }
            if undefinedLength { body.writeDelimiter(.sequenceDelimitationItem) }
            writeHeader(tag, vr, length: undefinedLength ? DataElement.undefinedLength : UInt32(body.bytes.count))
            bytes += body.bytes
        case .fragments(let fragments):
            writeHeader(tag, vr, length: DataElement.undefinedLength)
            for fragment in [[]] + fragments {
                writeTag(.item)
                writeUInt32(UInt32(fragment.count))
                bytes += fragment
            }
            writeDelimiter(.sequenceDelimitationItem)
        default:
            var payload = self.payload(value, characterSet: characterSet)
            if payload.count % 2 == 1 { payload.append(vr.paddingByte) }
            writeHeader(tag, vr, length: UInt32(payload.count))
            bytes += payload
        }
    }

    private func payload(_ value: DataSetWriter.Value, characterSet: SpecificCharacterSet) -> [UInt8] {
        switch value {
        case .bytes(let raw): raw
        case .text(let text): characterSet.encode(text)
        case .uint16(let numbers):
            numbers.flatMap { withUnsafeBytes(of: bigEndian ? $0.bigEndian : $0.littleEndian, Array.init) }
        case .uint32(let numbers):
            numbers.flatMap { withUnsafeBytes(of: bigEndian ? $0.bigEndian : $0.littleEndian, Array.init) }
        case .sequence, .fragments: []
        }
    }

    private mutating func writeHeader(_ tag: DICOMTag, _ vr: VR, length: UInt32) {
        writeTag(tag)
        guard explicitVR else { return writeUInt32(length) }
        bytes += [UInt8(vr.rawValue >> 8), UInt8(vr.rawValue & 0xFF)]
        if vr.hasLongExplicitLength {
            bytes += [0, 0]
            writeUInt32(length)
        } else {
            writeUInt16(UInt16(length))
        }
    }

    private mutating func writeDelimiter(_ tag: DICOMTag) {
        writeTag(tag)
        writeUInt32(0)
    }

    private mutating func writeTag(_ tag: DICOMTag) {
        writeUInt16(tag.group)
        writeUInt16(tag.element)
    }

    private mutating func writeUInt16(_ value: UInt16) {
        withUnsafeBytes(of: bigEndian ? value.bigEndian : value.littleEndian) { bytes += $0 }
    }

    private mutating func writeUInt32(_ value: UInt32) {
        withUnsafeBytes(of: bigEndian ? value.bigEndian : value.littleEndian) { bytes += $0 }
    }
}
