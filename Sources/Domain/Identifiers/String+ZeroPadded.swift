extension String {
    /// The `width` lowest decimal digits of `value`, zero-padded on the left; one allocation at most
    /// (none up to 15 digits, which Swift keeps inline).
    init(zeroPadded value: UInt64, width: Int) {
        self.init(unsafeUninitializedCapacity: width) { buffer in
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                buffer[index] = UInt8(ascii: "0") &+ UInt8(rest % 10)
                rest /= 10
            }
            return width
        }
    }
}
