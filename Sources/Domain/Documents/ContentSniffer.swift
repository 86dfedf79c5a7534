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
        var sniffing = Incremental()
        sniffing.consume(Array(bytes))
        return sniffing.result(fileName: fileName)
    }

    /// The same decision over a file that arrives in pieces, so an upload is judged without being held whole:
    /// it keeps the first bytes, whether each Office marker was seen (across piece boundaries), whether a NUL
    /// came, and whether the UTF-8 so far is valid (an incomplete sequence at a piece's end waits for the next).
    public struct Incremental: Sendable {
        private static let signatureLength = 8
        private static let markers = ["[Content_Types].xml", "word/", "xl/", "ppt/"].map { Array($0.utf8) }
        private static let longestMarker = markers.map(\.count).max()!

        private var head: [UInt8] = []
        private var tail: [UInt8] = []
        private var seenMarkers = [Bool](repeating: false, count: markers.count)
        private var count = 0
        private var sawNUL = false
        private var validUTF8 = true
        private var pendingUTF8: [UInt8] = []

        public init() {}

        /// Takes the next piece of the file.
        public mutating func consume(_ piece: [UInt8]) {
            guard !piece.isEmpty else { return }
            count += piece.count
            if head.count < Self.signatureLength { head += piece.prefix(Self.signatureLength - head.count) }
            // Past the first bytes only what they leave open is looked for: the Office markers in a ZIP, the
            // text rules in what no binary signature claimed.
            if head.count < Self.zipSignature.count || head.starts(with: Self.zipSignature) { findMarkers(piece) }
            guard head.count < Self.signatureLength || signature == nil else { return }
            if !sawNUL, piece.contains(0) { sawNUL = true }
            if validUTF8 && !sawNUL { checkUTF8(piece) }
        }

        private static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

        /// The binary signatures, each with its type; nil for a ZIP, whose Office markers decide.
        private static let signatures: [(bytes: [UInt8], type: DetectedContentType?)] = [
            (Array("%PDF-".utf8), .pdf),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .png),
            ([0xFF, 0xD8, 0xFF], .jpeg),
            (zipSignature, nil),
        ]

        /// The signature the first bytes carry, which no later byte changes.
        private var signature: (bytes: [UInt8], type: DetectedContentType?)? {
            Self.signatures.first { head.starts(with: $0.bytes) }
        }

        /// The type of everything consumed, or why it is refused.
        public func result(fileName: String = "") -> Result<DetectedContentType, Refusal> {
            guard count > 0 else {
                return .failure(Refusal(code: "empty-file", message: LocalizedText(sv: "Filen är tom.", en: "The file is empty.")))
            }
            if let signature {
                if let type = signature.type { return .success(type) }
                if seenMarkers[0] {
                    if seenMarkers[1] { return .success(.docx) }
                    if seenMarkers[2] { return .success(.xlsx) }
                    if seenMarkers[3] { return .success(.pptx) }
                }
                return .failure(notAllowed)
            }
            if !sawNUL, validUTF8, pendingUTF8.isEmpty {
                return .success(fileName.lowercased().hasSuffix(".csv") ? .csv : .text)
            }
            return .failure(notAllowed)
        }

        /// Searches the piece with the end of the previous one before it, so a marker split between them counts.
        private mutating func findMarkers(_ piece: [UInt8]) {
            guard seenMarkers.contains(false) else { return }
            let window = tail + piece
            for (index, marker) in Self.markers.enumerated() where !seenMarkers[index] {
                seenMarkers[index] = ContentSniffer.contains(window, marker)
            }
            tail = Array(window.suffix(Self.longestMarker - 1))
        }

        private mutating func checkUTF8(_ piece: [UInt8]) {
            let bytes = pendingUTF8 + piece
            // A sequence cut off at the end: its lead byte is among the last three and wants more bytes than follow.
            var complete = bytes.count
            for back in 1...min(3, bytes.count) {
                let byte = bytes[bytes.count - back]
                if byte & 0xC0 == 0x80 { continue }
                let wanted = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if wanted > back { complete = bytes.count - back }
                break
            }
            validUTF8 = String(validating: bytes[..<complete], as: UTF8.self) != nil
            pendingUTF8 = Array(bytes[complete...])
        }
    }

    private static let notAllowed = Refusal(
        code: "type-not-allowed",
        message: LocalizedText(
            sv: "Filtypen är inte tillåten; innehållet avgör, inte namnet. Tillåtna: \(allowedTypesText.sv).",
            en: "The file type is not allowed; the content decides, not the name. Allowed: \(allowedTypesText.en)."))

    private static func contains(_ data: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first, data.count >= pattern.count else { return false }
        var index = 0
        while index <= data.count - pattern.count {
            if data[index] == first, data[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
