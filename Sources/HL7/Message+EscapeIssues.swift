extension Message {
    /// Every broken escape sequence in the message, in order (see ``EscapeIssue`` for what counts).
    ///
    /// Decoding keeps such sequences as literal text and does not report them, because values are decoded
    /// lazily; this walks all fields once for checks that want the full list.
    public func escapeIssues() -> [EscapeIssue] {
        let decoder = EscapeDecoder(delimiters: encodingCharacters)
        var issues: [EscapeIssue] = []
        bytes.withUnsafeBufferPointer { buffer in
            for segment in index.segments.indices {
                for number in 1...max(index.fieldCount(segment: segment), 1) {
                    guard !index.isLiteralField(segment: segment, number: number),
                        let range = index.fieldRange(segment: segment, number: number)
                    else { continue }
                    // A sequence cannot contain delimiters, so each subcomponent is scanned on its own.
                    for leaf in leafRanges(of: range) {
                        decoder.findIssues(buffer, range: leaf) { kind, found in
                            issues.append(
                                EscapeIssue(
                                    kind: kind, sequence: String(decoding: buffer[found], as: UTF8.self),
                                    position: index.position(ofByteOffset: found.lowerBound, in: bytes)))
                        }
                    }
                }
            }
        }
        return issues
    }

    private func leafRanges(of field: Range<Int>) -> [Range<Int>] {
        let delimiters = encodingCharacters
        return index.pieces(of: field, separatedBy: delimiters.repetition, in: bytes)
            .flatMap { index.pieces(of: $0, separatedBy: delimiters.component, in: bytes) }
            .flatMap { index.pieces(of: $0, separatedBy: delimiters.subcomponent, in: bytes) }
    }
}
