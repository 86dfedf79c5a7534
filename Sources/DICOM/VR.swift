/// A value representation (PS3.5 6.2): the data type of a data element's value.
///
/// The raw value is the two-character code packed big-endian (`"PN"` is `0x504E`), which is how the code
/// appears on the wire, so the reader maps the two bytes it finds with one `init(rawValue:)`.
public enum VR: UInt16, Sendable, CaseIterable, CustomStringConvertible {
    case AE = 0x4145, AS = 0x4153, AT = 0x4154, CS = 0x4353, DA = 0x4441, DS = 0x4453, DT = 0x4454
    case FD = 0x4644, FL = 0x464C, IS = 0x4953, LO = 0x4C4F, LT = 0x4C54, OB = 0x4F42, OD = 0x4F44
    case OF = 0x4F46, OL = 0x4F4C, OV = 0x4F56, OW = 0x4F57, PN = 0x504E, SH = 0x5348, SL = 0x534C
    case SQ = 0x5351, SS = 0x5353, ST = 0x5354, SV = 0x5356, TM = 0x544D, UC = 0x5543, UI = 0x5549
    case UL = 0x554C, UN = 0x554E, UR = 0x5552, US = 0x5553, UT = 0x5554, UV = 0x5556

    /// The VR whose two-character code is `code`, e.g. `VR(code: "PN")`.
    public init?(code: String) {
        let bytes = Array(code.utf8)
        guard bytes.count == 2 else { return nil }
        self.init(rawValue: UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
    }

    /// The VR whose code is `code` as packed in ``rawValue``, by table lookup: the reader does this once per
    /// element, and the synthesised `init(rawValue:)` is a chain of comparisons.
    init?(code: UInt16) {
        let first = Int(code >> 8) &- 0x41
        let second = Int(code & 0xFF) &- 0x41
        guard (0..<26).contains(first), (0..<26).contains(second) else { return nil }
        guard let vr = Self.byLetters[first * 26 + second] else { return nil }
        self = vr
    }

    /// Every VR at the index `26 * (first letter - A) + (second letter - A)`.
    private static let byLetters: [VR?] = {
        var table = [VR?](repeating: nil, count: 26 * 26)
        for vr in VR.allCases {
            table[Int(vr.rawValue >> 8 - 0x41) * 26 + Int(vr.rawValue & 0xFF) - 0x41] = vr
        }
        return table
    }()

    /// The two-character code, `"PN"`.
    public var description: String {
        String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)], as: UTF8.self)
    }

    /// In explicit VR syntaxes these VRs have two reserved bytes and a 4-byte length instead of a 2-byte one
    /// (PS3.5 7.1.2, Table 7.1-1).
    public var hasLongExplicitLength: Bool {
        switch self {
        case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV: true
        default: false
        }
    }

    /// Character strings, decoded through the data set's specific character set (or plain ASCII for the VRs
    /// whose repertoire is fixed).
    public var isString: Bool {
        switch self {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT: true
        default: false
        }
    }

    /// Text VRs hold one value that may itself contain a backslash, and their leading spaces are significant
    /// (PS3.5 6.2): only trailing padding is removed.
    var isSingleValuedText: Bool {
        switch self {
        case .LT, .ST, .UT, .UR: true
        default: false
        }
    }

    /// UI values are padded to even length with NUL, every other string VR with a space (PS3.5 6.2).
    var paddingByte: UInt8 { isString && self != .UI ? 0x20 : 0x00 }
}
