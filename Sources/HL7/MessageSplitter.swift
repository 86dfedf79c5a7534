/// Where the messages are in a file that holds many of them one after another.
public struct MessageSplit: Sendable, Hashable {
    /// One range per message, in file order: from `MSH` through the line end of its last segment.
    public var messageRanges: [Range<Int>]
    /// Non-blank bytes before the first message, which belong to no message (reported, not parsed).
    public var skippedRanges: [Range<Int>]
}

/// Splits files of concatenated messages, as exported by integration engines or captured from MLLP, for the
/// offline `hl7 check` command.
///
/// A message starts at `MSH` at the start of the file or right after CR, LF, or an MLLP framing byte
/// (0x0B start block, 0x1C end block). A message ends where the next begins; line ends and framing bytes at
/// its end are dropped except for the first line end after its last segment, so each range parses as a
/// message on its own. Framing bytes inside a line are not touched: they are the sender's content.
public enum MessageSplitter {
    public static func split(_ bytes: [UInt8]) -> MessageSplit {
        bytes.withUnsafeBufferPointer { split($0) }
    }

    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> MessageSplit {
        let starts = messageStarts(in: bytes)
        var messages: [Range<Int>] = []
        messages.reserveCapacity(starts.count)
        for (number, start) in starts.enumerated() {
            let next = number + 1 < starts.count ? starts[number + 1] : bytes.count
            messages.append(start..<end(ofMessageFrom: start, before: next, in: bytes))
        }
        let leadingEnd = (0..<(starts.first ?? bytes.count)).last { !isBlank(bytes[$0]) }.map { $0 + 1 }
        return MessageSplit(messageRanges: messages, skippedRanges: leadingEnd.map { [0..<$0] } ?? [])
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        isBoundary(byte) || byte == 0x20 || byte == 0x09
    }

    /// CR, LF, VT and FS: the bytes that can stand before a message's `MSH`.
    private static func isBoundary(_ byte: UInt8) -> Bool {
        byte == ASCII.carriageReturn || byte == ASCII.lineFeed || byte == ASCII.startOfBlock
            || byte == ASCII.endOfBlock
    }

    private static func isHeader(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        offset + 3 <= bytes.count && bytes[offset] == UInt8(ascii: "M") && bytes[offset + 1] == UInt8(ascii: "S")
            && bytes[offset + 2] == UInt8(ascii: "H")
    }

    /// Offsets of every `MSH` that starts a line. Eight bytes are tested at a time for any byte below 0x1D
    /// (all boundary bytes are), because text between line ends is by far the largest part of a file; the
    /// test ("has less", bit-twiddling hacks) can flag bytes above a true match but never below one.
    private static func messageStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        if isHeader(at: 0, in: bytes) { starts.append(0) }
        guard let base = bytes.baseAddress else { return starts }
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while offset + 8 <= count {
            // Bytes of 0x80 or more are masked out, so the lowest flagged byte is always below 0x1D.
            let word = ByteScanner.word(at: base + offset)
            let below = (word &- ones &* 0x1D) & ~word & highBits
            if below == 0 {
                offset += 8
                continue
            }
            offset += below.trailingZeroBitCount >> 3
            if isBoundary(base[offset]), isHeader(at: offset + 1, in: bytes) {
                starts.append(offset + 1)
            }
            offset += 1
        }
        while offset < count {
            if isBoundary(base[offset]), isHeader(at: offset + 1, in: bytes) {
                starts.append(offset + 1)
            }
            offset += 1
        }
        return starts
    }

    /// The end of the message that starts at `start`: its last non-boundary byte plus one line end.
    private static func end(ofMessageFrom start: Int, before next: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = next
        while end > start, isBoundary(bytes[end - 1]) { end -= 1 }
        if end < next, bytes[end] == ASCII.carriageReturn {
            end += 1
            if end < next, bytes[end] == ASCII.lineFeed { end += 1 }
        } else if end < next, bytes[end] == ASCII.lineFeed {
            end += 1
        }
        return end
    }
}
