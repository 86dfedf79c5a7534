import Crypto
import Foundation

/// The installation's Ed25519 key for signing audit checkpoints: a file holding the base64 of the raw
/// 32-byte private key, created on first use with mode 0600. A key file that group or others may read is
/// refused, because whoever reads it can sign a checkpoint of a rewritten chain.
public enum AuditSigningKey {
    /// The default file inside the data folder.
    public static func defaultPath(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent("audit-signing-key")
    }

    /// Reads the key at `path`, creating the file (and its folder) with a new key when there is none.
    public static func loadOrCreate(at path: String) throws(AuditSigningKeyError) -> Curve25519.Signing.PrivateKey {
        if let key = try load(at: path) { return key }
        let key = Curve25519.Signing.PrivateKey()
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw .unusable(path: path, reason: "its folder cannot be created")
        }
        // O_EXCL: when two instances create the key at once, one writes it and the other reads that one.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST, let key = try load(at: path) { return key }
            throw .unusable(path: path, reason: String(cString: strerror(errno)))
        }
        let text = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == text.count else { throw .unusable(path: path, reason: "it could not be written") }
        return key
    }

    /// Reads the key at `path`; nil when there is no such file.
    public static func load(at path: String) throws(AuditSigningKeyError) -> Curve25519.Signing.PrivateKey? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw .unusable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & 0o077 == 0 else { throw .readableByOthers(path: path) }
        guard let text = FileManager.default.contents(atPath: path),
              let raw = Data(base64Encoded: String(decoding: text, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw .unusable(path: path, reason: "it does not hold a base64 Ed25519 private key") }
        return key
    }
}

/// A signing key file that cannot be used, named with the rule.
public enum AuditSigningKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case readableByOthers(path: String)
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .readableByOthers(let path):
            "The audit signing key \(path) may be read by group or others: a key file must be readable by its owner"
                + " only. Run `chmod 600 \(path)`."
        case .unusable(let path, let reason):
            "The audit signing key \(path) cannot be used: \(reason). Set ANSLUT_AUDIT_KEY_FILE to a usable file."
        }
    }
}
