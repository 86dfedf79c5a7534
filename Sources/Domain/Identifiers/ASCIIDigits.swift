extension UInt8 {
    /// Whether the byte is one of the ASCII digits `0`–`9`, the only digits any identifier accepts.
    var isASCIIDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension [UInt8] {
    /// The number the ASCII digits at `range` spell (callers have checked they are digits).
    func decimalValue(_ range: Range<Int>) -> Int {
        self[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
