/// UID syntax (PS3.5 9.1): at most 64 characters, dot-separated components of digits, no component empty and
/// none with a leading zero except the component `0` itself.
public enum UID {
    /// The longest UID PS3.5 9.1 allows.
    public static let maximumLength = 64

    /// `true` when `uid` is syntactically a UID. Padding is not part of a UID: trim it first (the data set's
    /// string accessors already do).
    public static func isValid(_ uid: String) -> Bool {
        problem(in: uid) == nil
    }

    /// Why `uid` is not a UID, for a check to show, or `nil` when it is one.
    public static func problem(in uid: String) -> String? {
        let bytes = Array(uid.utf8)
        if bytes.isEmpty { return "is empty" }
        if bytes.count > maximumLength { return "is \(bytes.count) characters long, more than \(maximumLength)" }
        var componentStart = 0
        for index in 0...bytes.count {
            guard index < bytes.count, bytes[index] != UInt8(ascii: ".") else {
                let length = index - componentStart
                if length == 0 { return "has an empty component at character \(index + 1)" }
                if length > 1, bytes[componentStart] == UInt8(ascii: "0") {
                    return "has a component with a leading zero at character \(componentStart + 1)"
                }
                componentStart = index + 1
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
                return "has a character other than a digit or a dot at character \(index + 1)"
            }
        }
        return nil
    }
}
