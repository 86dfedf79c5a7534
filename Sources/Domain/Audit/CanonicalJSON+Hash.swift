import Crypto
import Foundation

extension CanonicalJSON {
    /// `value` encoded as canonical JSON (keys sorted, no white space): the same content gives the same text, however
    /// it was read. Meant for values of plain strings, numbers, booleans and arrays, whose encoding cannot fail.
    public static func text(of value: some Encodable) -> String {
        let json = (try? JSONEncoder().encode(value)) ?? Data()
        return (try? JSONDecoder().decode(CanonicalJSON.self, from: json))?.encoded ?? ""
    }

    /// Lower-case hexadecimal SHA-256 of ``text(of:)``: how profiles and protocols are named by content.
    public static func hash(of value: some Encodable) -> String {
        HexDigits.encode(SHA256.hash(data: Data(text(of: value).utf8)))
    }
}
