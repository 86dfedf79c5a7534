/// Where a redirect taken from input (`next` after sign-in, `return` after the language switch) may go: a
/// path on this site only. Anything else becomes `/`, so an attacker's link can neither send the browser to
/// another host (`//evil.example`, `/\evil.example`, which browsers read as `//`) nor smuggle a header or a
/// second response into the answer through CR LF.
enum LocalRedirect {
    static let fallback = "/"

    /// `candidate` when it is a local path, before and after percent-decoding; `/` for anything else.
    static func target(_ candidate: String) -> String {
        guard isLocalPath(candidate), let decoded = candidate.removingPercentEncoding, isLocalPath(decoded) else {
            return fallback
        }
        return candidate
    }

    /// One leading `/`, not followed by `/` or `\`, no backslash at all, and no control character (below 0x20,
    /// and 0x7F) anywhere.
    private static func isLocalPath(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "/") else { return false }
        let second = bytes.dropFirst().first
        guard second != UInt8(ascii: "/"), second != UInt8(ascii: "\\") else { return false }
        return !bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }
    }
}
