/// The status of a DIMSE response (PS3.7 Annex C; C-STORE's in PS3.4 Table B.2-1; reference.md 9.3).
public struct DIMSEStatus: Sendable, Hashable, CustomStringConvertible {
    /// The (0000,0900) Status value.
    public let code: UInt16
    /// Sent as (0000,0902) Error Comment when not `nil`: up to 64 characters of text, for the sender's log.
    public let errorComment: String?

    public init(code: UInt16, errorComment: String? = nil) {
        self.code = code
        self.errorComment = errorComment
    }

    /// 0000: stored.
    public static let success = DIMSEStatus(code: 0x0000)
    /// B000: stored, with findings (C-STORE's "coercion of data elements", the warning Anslut sends for
    /// any finding, errors included).
    public static let warning = DIMSEStatus(code: 0xB000)
    /// A700: refused, out of resources (disk full, a write failed).
    public static let outOfResources = DIMSEStatus(code: 0xA700)
    /// C000: error, cannot understand (malformed fragments, a data set that cannot be read).
    public static let cannotUnderstand = DIMSEStatus(code: 0xC000)
    /// 0122: refused, the SOP class is not supported (the command names another class than its context).
    public static let sopClassNotSupported = DIMSEStatus(code: 0x0122)
    /// 0110: processing failure.
    public static let processingFailure = DIMSEStatus(code: 0x0110)
    /// 0211: unrecognised operation (a DIMSE command this SCP does not perform).
    public static let unrecognizedOperation = DIMSEStatus(code: 0x0211)

    /// The same status with an error comment.
    public func withComment(_ comment: String) -> DIMSEStatus {
        DIMSEStatus(code: self.code, errorComment: comment)
    }

    /// 0000.
    public var isSuccess: Bool { self.code == 0x0000 }
    /// Bxxx, and the general warnings 0001, 0107 and 0116: the object was stored.
    public var isWarning: Bool { self.code & 0xF000 == 0xB000 || [0x0001, 0x0107, 0x0116].contains(self.code) }
    /// Anything else: the object was not stored, and the sender should keep it.
    public var isFailure: Bool { !self.isSuccess && !self.isWarning }

    /// `B000` or `C000 (cannot parse)`.
    public var description: String {
        let hex = String(self.code, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: 4 - hex.count) + hex
        return self.errorComment.map { "\(code) (\($0))" } ?? code
    }
}
