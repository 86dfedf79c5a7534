/// A data set as dcmdump prints one: a line per element with its tag, VR, value, length, multiplicity and keyword,
/// items and sequences indented. `anslut dicom dump` prints it, and the header comparison with dcmdump reads it.
extension DataSet {
    /// The lines of the dump, nested items indented by two spaces per level.
    public func dumpLines(indent: Int = 0) -> [String] {
        var lines: [String] = []
        let pad = String(repeating: "  ", count: indent)
        for element in elements {
            let keyword = DataDictionary.entry(for: element.tag)?.keyword ?? (element.tag.isPrivate ? "PrivateTag" : "Unknown Tag")
            let length = element.length == DataElement.undefinedLength ? "u/l" : String(element.length)
            if element.isSequence {
                let items = self.items(element.tag)
                lines.append("\(pad)\(element.tag) SQ (Sequence with \(items.count) item\(items.count == 1 ? "" : "s"))  # \(length), 1 \(keyword)")
                for (index, item) in items.enumerated() {
                    lines.append("\(pad)  (FFFE,E000) na (Item \(index + 1))")
                    lines += item.dumpLines(indent: indent + 2)
                }
                continue
            }
            if let pixels = element.pixelData {
                let kind = pixels.isEncapsulated ? "(PixelSequence)" : "(not loaded)"
                lines.append("\(pad)\(element.tag) \(element.vr) \(kind)  # \(length), 1 \(keyword)")
                continue
            }
            let (value, multiplicity) = dumpValue(element)
            lines.append("\(pad)\(element.tag) \(element.vr) \(value)  # \(length), \(multiplicity) \(keyword)")
        }
        return lines
    }

    /// The value as dcmdump shows it (`[text]`, numbers, or the number of bytes) and its multiplicity.
    private func dumpValue(_ element: DataElement) -> (String, Int) {
        if element.vr.isString {
            let values = element.vr.isSingleValuedText ? [string(element.tag) ?? ""] : strings(element.tag)
            let text = values.joined(separator: "\\")
            let shown = text.count > 64 ? String(text.prefix(64)) + "..." : text
            return (text.isEmpty ? "(no value available)" : "[\(shown)]", text.isEmpty ? 0 : values.count)
        }
        let numbers: [String]? = withValueBytes(of: element) { raw in
            func read<T: FixedWidthInteger>(_: T.Type) -> [String] {
                stride(from: 0, to: raw.count - raw.count % MemoryLayout<T>.size, by: MemoryLayout<T>.size).map { offset in
                    let value = raw.loadUnaligned(fromByteOffset: offset, as: T.self)
                    return String(isBigEndian ? T(bigEndian: value) : T(littleEndian: value))
                }
            }
            switch element.vr {
            case .US: return read(UInt16.self)
            case .SS: return read(Int16.self)
            case .UL: return read(UInt32.self)
            case .SL: return read(Int32.self)
            default: return nil
            }
        }
        if let numbers {
            let shown = numbers.prefix(8).joined(separator: "\\") + (numbers.count > 8 ? "..." : "")
            return (numbers.isEmpty ? "(no value available)" : shown, numbers.count)
        }
        return ("(\(element.length) bytes)", element.length == 0 ? 0 : 1)
    }
}
