extension AuditChain {
    /// Writes the canonical encoding of an event with these fields at the start of `buffer`, growing it when it
    /// is too short, and returns the encoding's length. Reusing one buffer keeps verification from allocating.
    static func encode(
        sequence: Int64, occurredAt: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer,
        action: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer,
        previousHash: UnsafeRawBufferPointer, into buffer: inout [UInt8]
    ) -> Int {
        let sequenceLength = decimalDigits(sequence.magnitude) + (sequence < 0 ? 1 : 0)
        let length = domainTag.count + netstringLength(sequenceLength) + netstringLength(occurredAt.count)
            + netstringLength(actor.count) + netstringLength(action.count) + netstringLength(subject.count)
            + netstringLength(payload.count) + netstringLength(previousHash.count)
        if buffer.count < length { buffer.append(contentsOf: repeatElement(0, count: length - buffer.count)) }
        buffer.withUnsafeMutableBytes { buffer in
            var out = Writer(rest: buffer)
            domainTag.withUnsafeBytes { out.write($0) }
            out.writeDecimal(UInt64(sequenceLength))
            out.writeByte(UInt8(ascii: ":"))
            if sequence < 0 { out.writeByte(UInt8(ascii: "-")) }
            out.writeDecimal(sequence.magnitude)
            out.writeByte(UInt8(ascii: ","))
            out.writeNetstring(occurredAt)
            out.writeNetstring(actor)
            out.writeNetstring(action)
            out.writeNetstring(subject)
            out.writeNetstring(payload)
            out.writeNetstring(previousHash)
        }
        return length
    }

    /// Calls `body` with the UTF-8 bytes of each of `strings`.
    static func withUTF8<Result>(_ strings: [String], _ body: ([UnsafeRawBufferPointer]) -> Result) -> Result {
        let bytes = strings.flatMap(\.utf8)
        return bytes.withUnsafeBytes { bytes in
            var start = 0
            return body(strings.map { string in
                defer { start += string.utf8.count }
                return UnsafeRawBufferPointer(rebasing: bytes[start..<start + string.utf8.count])
            })
        }
    }

    /// Writes into sized memory front to back.
    private struct Writer {
        var rest: UnsafeMutableRawBufferPointer

        mutating func write(_ bytes: UnsafeRawBufferPointer) {
            rest.copyMemory(from: bytes)
            rest = UnsafeMutableRawBufferPointer(rebasing: rest[bytes.count...])
        }

        mutating func writeByte(_ byte: UInt8) {
            rest[0] = byte
            rest = UnsafeMutableRawBufferPointer(rebasing: rest[1...])
        }

        mutating func writeDecimal(_ value: UInt64) {
            let digits = decimalDigits(value)
            var remaining = value
            for index in (0..<digits).reversed() {
                rest[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            rest = UnsafeMutableRawBufferPointer(rebasing: rest[digits...])
        }

        mutating func writeNetstring(_ field: UnsafeRawBufferPointer) {
            writeDecimal(UInt64(field.count))
            writeByte(UInt8(ascii: ":"))
            write(field)
            writeByte(UInt8(ascii: ","))
        }
    }

    private static func netstringLength(_ length: Int) -> Int {
        decimalDigits(UInt64(length)) + length + 2
    }

    private static func decimalDigits(_ value: UInt64) -> Int {
        var (digits, rest) = (1, value)
        while rest >= 10 {
            digits += 1
            rest /= 10
        }
        return digits
    }
}
