import Foundation

/// What an uploaded file must be, checked before anything is stored: a known kind, within the size limit,
/// and of an allowed type by its content (``ContentSniffer``), each refusal at its field. The size and the type
/// are judged while the file arrives, so an upload is never held whole.
public enum DocumentUpload {
    /// The kind named by `text`, or the refusal at `kind`.
    public static func kind(_ text: String) throws(ValidationFailure) -> DocumentKind {
        guard let kind = DocumentKind(rawValue: text) else {
            let known = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure([FieldError(
                field: "kind", code: "unknown-kind",
                message: LocalizedText(sv: "Okänd dokumenttyp \"\(text)\"; välj en av \(known).",
                                       en: "Unknown document kind \"\(text)\"; choose one of \(known)."))])
        }
        return kind
    }

    /// The refusal at `file` of a file past `maximumSize`, said as soon as the limit is passed (an upload is
    /// not read to its end to learn how much larger it is).
    public static func tooLarge(maximumSize: Int) -> ValidationFailure {
        let limit = describe(bytes: maximumSize)
        return ValidationFailure([FieldError(
            field: "file", code: "too-large",
            message: LocalizedText(sv: "Filen är för stor; högst \(limit) är tillåtet.",
                                   en: "The file is too large; at most \(limit) is allowed."))])
    }

    /// The detected type of a file whose content `sniffed` has seen, or the refusal at `file` (empty, or a type
    /// not allowed).
    public static func contentType(
        _ sniffed: ContentSniffer.Incremental, fileName: String
    ) throws(ValidationFailure) -> DetectedContentType {
        switch sniffed.result(fileName: fileName) {
        case .success(let type): return type
        case .failure(let refusal):
            throw ValidationFailure([FieldError(field: "file", code: refusal.code, message: refusal.message)])
        }
    }

    /// A size as people read it: "25 MB", "1.5 MB", "512 kB", "900 byte".
    public static func describe(bytes: Int) -> String {
        if bytes >= 1_048_576, bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MB" }
        if bytes >= 1_048_576 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        if bytes >= 1024 { return "\(bytes / 1024) kB" }
        return "\(bytes) byte"
    }
}
