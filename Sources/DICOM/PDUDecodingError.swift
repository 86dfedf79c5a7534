/// Why bytes are not a valid PDU. Offsets count from the PDU's first byte (its type).
///
/// The network layer answers these with A-ABORT (reference.md 9.3): ``PDUDecodingError/tooLong(length:maximum:)``
/// and malformed parameters with ``Abort/invalidPDUParameterValue``, an unknown type with
/// ``Abort/unrecognizedPDU``.
public enum PDUDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The type byte is not one of 0x01-0x07.
    case unknownPDUType(UInt8)
    /// The PDU's length field is larger than this side accepts.
    case tooLong(length: UInt32, maximum: Int)
    /// The PDU's length field does not match the bytes given.
    case lengthMismatch(declared: Int, actual: Int)
    /// A field or item runs past the end of the PDU or of its enclosing item.
    case truncated(offset: Int, field: String, needed: Int, available: Int)
    /// An item of a type not allowed where it was found.
    case unexpectedItem(offset: Int, type: UInt8, within: String)
    /// A required item is absent.
    case missingItem(String, within: String)
    /// A fixed-size field has the wrong size or a value outside its range.
    case invalidField(offset: Int, field: String, reason: String)

    /// One line for a person.
    public var description: String {
        switch self {
        case .unknownPDUType(let type):
            "unknown PDU type 0x\(String(type, radix: 16))"
        case .tooLong(let length, let maximum):
            "PDU length \(length) is more than the \(maximum) bytes accepted"
        case .lengthMismatch(let declared, let actual):
            "PDU length field says \(declared) bytes but \(actual) follow the header"
        case .truncated(let offset, let field, let needed, let available):
            "byte \(offset): \(field) needs \(needed) bytes and \(available) are left"
        case .unexpectedItem(let offset, let type, let within):
            "byte \(offset): item type 0x\(String(type, radix: 16)) is not allowed in \(within)"
        case .missingItem(let item, let within):
            "\(within) has no \(item)"
        case .invalidField(let offset, let field, let reason):
            "byte \(offset): \(field) \(reason)"
        }
    }
}
