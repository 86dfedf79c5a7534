/// The name an uploaded file is kept and offered under: the last path component, without control characters,
/// at most 200 characters, and never empty.
public enum DocumentFileName {
    /// `raw` as the browser or client sent it, cleaned.
    public static func sanitised(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(String.UnicodeScalarView(last.unicodeScalars.filter {
            !($0.properties.generalCategory == .control || $0.properties.generalCategory == .format)
        })).trimmingSpaces
        let short = String(cleaned.prefix(200))
        return short.isEmpty || short == "." || short == ".." ? "fil" : short
    }

    /// A `Content-Disposition` value that offers the file as a download under `name` (RFC 6266 and RFC 8187:
    /// an ASCII fallback and the UTF-8 name percent-encoded).
    public static func contentDisposition(_ name: String) -> String {
        let clean = sanitised(name)
        let fallback = String(clean.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && !"\"\\;%".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        })
        let attrChars = Set("!#$&+-.^_`|~".unicodeScalars)
        var encoded = ""
        for byte in clean.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || attrChars.contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }

    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
