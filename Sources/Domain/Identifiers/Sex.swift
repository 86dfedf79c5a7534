/// The legal sex an identifier records (for a personnummer: odd birth number male, even female).
///
/// It can be out of date after a change of legal gender, so do not build clinical logic on it.
public enum Sex: String, Sendable, Hashable, Encodable {
    case male
    case female
}
