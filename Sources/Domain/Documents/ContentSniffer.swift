/// A file type the product accepts, as recognised from the file's first bytes.
public enum DetectedContentType: String, Sendable, Hashable, Codable, CaseIterable {
    case pdf
    case png
    case jpeg
    case docx
    case xlsx
    case pptx
    case text
    case csv

    /// The media type the file is stored and served with.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .text: "text/plain; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        }
    }
}

/// Decides what an uploaded file is from its content, never from its name, and refuses everything else.
///
/// Accepted: PDF (`%PDF-`), PNG (its 8-byte signature), JPEG (`FF D8 FF`), Office Open XML (a ZIP local
/// header `PK\u{3}\u{4}` and a `[Content_Types].xml` entry; `word/`, `xl/` or `ppt/` parts tell docx, xlsx and
/// pptx apart) and plain text (valid UTF-8 without NUL bytes). The file name only picks `csv` over `text` for
/// content that is text anyway. A ZIP that is not an Office document, an executable named `.pdf` and an empty
/// file are refused.
public enum ContentSniffer {
    /// Why a file was refused, with the rule in both languages.
    public struct Refusal: Error, Sendable, Hashable {
        /// `empty-file` or `type-not-allowed`.
        public let code: String
        public let message: LocalizedText
    }

    /// The accepted types, as people name them; used in refusals.
    public static let allowedTypesText = LocalizedText(
        sv: "PDF, PNG, JPEG, Word- och Excel-dokument (docx, xlsx, pptx) och ren text eller CSV i UTF-8",
        en: "PDF, PNG, JPEG, Word and Excel documents (docx, xlsx, pptx) and plain UTF-8 text or CSV")

    /// The type of `bytes`, or why it is refused. `fileName` is only a hint between text and CSV.
    public static func detect(_ bytes: some Collection<UInt8>, fileName: String = "") -> Result<DetectedContentType, Refusal> {
        let data = Array(bytes)
        guard !data.isEmpty else {
            return .failure(Refusal(code: "empty-file", message: LocalizedText(sv: "Filen är tom.", en: "The file is empty.")))
        }
        if data.starts(with: Array("%PDF-".utf8)) { return .success(.pdf) }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .success(.png) }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return .success(.jpeg) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if contains(data, "[Content_Types].xml") {
                if contains(data, "word/") { return .success(.docx) }
                if contains(data, "xl/") { return .success(.xlsx) }
                if contains(data, "ppt/") { return .success(.pptx) }
            }
            return .failure(notAllowed)
        }
        if !data.contains(0), String(validating: data, as: UTF8.self) != nil {
            return .success(fileName.lowercased().hasSuffix(".csv") ? .csv : .text)
        }
        return .failure(notAllowed)
    }

    private static let notAllowed = Refusal(
        code: "type-not-allowed",
        message: LocalizedText(
            sv: "Filtypen är inte tillåten; innehållet avgör, inte namnet. Tillåtna: \(allowedTypesText.sv).",
            en: "The file type is not allowed; the content decides, not the name. Allowed: \(allowedTypesText.en)."))

    private static func contains(_ data: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, data.count >= pattern.count else { return false }
        var index = 0
        while index <= data.count - pattern.count {
            if data[index] == first, data[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
