import Crypto
import Foundation

extension HL7Profile {
    /// Lower-case hexadecimal SHA-256 of the profile's canonical JSON (``CanonicalJSON``: keys sorted, no white
    /// space), so that the same content read from YAML in any layout has the same hash.
    public var contentHash: String {
        // Encoding a value built from plain strings, numbers and arrays cannot fail.
        let json = (try? JSONEncoder().encode(self)) ?? Data()
        let canonical = (try? JSONDecoder().decode(CanonicalJSON.self, from: json))?.encoded ?? ""
        return HexDigits.encode(SHA256.hash(data: Data(canonical.utf8)))
    }
}
