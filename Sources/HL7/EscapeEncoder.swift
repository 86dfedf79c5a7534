/// Escapes text so that it can stand inside a field: the inverse of ``EscapeDecoder`` for plain text.
///
/// Delimiters become `\F\ \S\ \T\ \R\ \E\`. Carriage return and line feed would end the segment, so they are
/// written as `\X0D\` and `\X0A\`, which decode back to the same bytes. All other bytes are copied.
struct EscapeEncoder {
    let delimiters: EncodingCharacters

    func append(_ text: some Sequence<UInt8>, to output: inout [UInt8]) {
        for byte in text {
            switch byte {
            case delimiters.field: append(sequence: "F", to: &output)
            case delimiters.component: append(sequence: "S", to: &output)
            case delimiters.subcomponent: append(sequence: "T", to: &output)
            case delimiters.repetition: append(sequence: "R", to: &output)
            case delimiters.escape: append(sequence: "E", to: &output)
            case ASCII.carriageReturn: append(sequence: "X0D", to: &output)
            case ASCII.lineFeed: append(sequence: "X0A", to: &output)
            default: output.append(byte)
            }
        }
    }

    private func append(sequence: StaticString, to output: inout [UInt8]) {
        output.append(delimiters.escape)
        sequence.withUTF8Buffer { output.append(contentsOf: $0) }
        output.append(delimiters.escape)
    }
}
