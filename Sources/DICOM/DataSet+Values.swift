/// Values as Swift types: strings decoded in the data set's character set with DICOM padding removed, and
/// binary numbers in the data set's byte order.
extension DataSet {
    /// The whole value of `tag` as text, with padding removed: trailing spaces and NULs always, leading spaces
    /// too except for the text VRs (LT, ST, UT, UR), whose leading spaces are significant (PS3.5 6.2). A
    /// multi-valued string comes back with its backslashes; use ``strings(_:)`` to split it.
    /// `nil` when the element is absent or not a string; `""` when it is present but empty.
    public func string(_ tag: DICOMTag) -> String? {
        guard let element = element(tag), element.vr.isString || element.vr == .UN else { return nil }
        return withValueBytes(of: element) { bytes in
            characterSet.decode(Self.trimmed(bytes, keepingLeadingSpaces: element.vr.isSingleValuedText))
        }
    }

    /// The values of `tag`, split at backslashes (except for the single-valued text VRs) and each trimmed as
    /// ``string(_:)`` trims. Empty when absent; `[""]` when present but empty.
    public func strings(_ tag: DICOMTag) -> [String] {
        element(tag).flatMap(stringValues(of:)) ?? []
    }

    /// `element`'s values split and trimmed, or `nil` when it holds no string.
    func stringValues(of element: DataElement) -> [String]? {
        guard element.vr.isString || element.vr == .UN else { return nil }
        if element.vr.isSingleValuedText {
            return withValueBytes(of: element) { [characterSet.decode(Self.trimmed($0, keepingLeadingSpaces: true))] }
        }
        return withValueBytes(of: element) { bytes in
            bytes.split(separator: UInt8(ascii: "\\"), omittingEmptySubsequences: false).map { value in
                characterSet.decode(Self.trimmed(UnsafeRawBufferPointer(rebasing: value), keepingLeadingSpaces: false))
            }
        }
    }

    /// The first value of a US element.
    public func uint16(_ tag: DICOMTag) -> UInt16? {
        binary(tag, as: UInt16.self)
    }

    /// The first value of a UL element.
    public func uint32(_ tag: DICOMTag) -> UInt32? {
        binary(tag, as: UInt32.self)
    }

    /// The first value of an integer element: IS as text, or US, SS, UL, SL as binary.
    public func integer(_ tag: DICOMTag) -> Int? {
        guard let element = element(tag) else { return nil }
        switch element.vr {
        case .IS: return strings(tag).first.flatMap { Int($0) }
        case .US: return binary(tag, as: UInt16.self).map(Int.init)
        case .SS: return binary(tag, as: Int16.self).map(Int.init)
        case .UL: return binary(tag, as: UInt32.self).map(Int.init)
        case .SL: return binary(tag, as: Int32.self).map(Int.init)
        default: return nil
        }
    }

    private func binary<Value: FixedWidthInteger>(_ tag: DICOMTag, as type: Value.Type) -> Value? {
        guard let element = element(tag) else { return nil }
        return withValueBytes(of: element) { bytes in
            guard bytes.count >= MemoryLayout<Value>.size else { return nil }
            let raw = bytes.loadUnaligned(as: Value.self)
            return isBigEndian ? Value(bigEndian: raw) : Value(littleEndian: raw)
        }
    }

    /// `bytes` without trailing spaces and NULs, and without leading spaces unless they are significant.
    static func trimmed(_ bytes: UnsafeRawBufferPointer, keepingLeadingSpaces: Bool) -> UnsafeRawBufferPointer {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x00 { end -= 1 }
        var start = 0
        if !keepingLeadingSpaces {
            while start < end, bytes[start] == 0x20 { start += 1 }
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }
}
