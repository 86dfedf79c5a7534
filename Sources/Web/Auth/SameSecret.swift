/// Compares two secrets byte by byte over their whole length, so the time taken tells nothing about how
/// much of a guess was right. Empty secrets never match.
func sameSecret(_ a: String, _ b: String) -> Bool {
    let (x, y) = (Array(a.utf8), Array(b.utf8))
    guard !x.isEmpty, x.count == y.count else { return false }
    return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
}
