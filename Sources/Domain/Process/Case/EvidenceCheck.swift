import Foundation

/// Whether the evidence given with a tick points at something real: the engine checks that each kind the item
/// asks for is there and not blank; this checks what the references name, against the case's own documents.
///
/// - `comment`: its text is the evidence; not blank (the engine) and free of control characters (``FreeText``).
/// - `attachment`: the id of a document of this case, of any kind but a test protocol.
/// - `test_protocol`: the id of a test protocol of this case: a closed test session of the verification
///   environment (its frozen protocol, written by Anslut), or a document of kind `test_protocol` (a protocol uploaded
///   from elsewhere, shown as "uploaded, not verified by Anslut").
///
/// - `assessment`: the id of an assessment of this case recorded with the platform's matrix.
///
/// A reference to a document of another case answers exactly like one to no document, so ids leak nothing.
public enum EvidenceCheck {
    /// Every broken rule, at `evidence/<index>/reference`; `documents` are the case's documents by id, `protocols`
    /// the ids of its closed test sessions, `assessments` the ids of its assessments.
    public static func errors(
        in evidence: [Evidence], documents: [UUID: DocumentKind], protocols: Set<UUID> = [], assessments: Set<UUID> = []
    ) -> [FieldError] {
        evidence.enumerated().compactMap { index, piece in
            let field = "evidence/\(index)/reference"
            let reference = piece.reference.trimmingWhitespace
            switch piece.kind {
            case .comment:
                return nil
            case .assessment:
                if let id = UUID(uuidString: reference), assessments.contains(id) { return nil }
                return FieldError(
                    field: field, code: "unknown-assessment",
                    message: LocalizedText(
                        sv: "Underlaget \"\(reference)\" är ingen bedömning av ärendet: gör bedömningen först.",
                        en: "The evidence \"\(reference)\" is no assessment of this case: record the assessment first."))
            case .attachment, .testProtocol:
                if piece.kind == .testProtocol, let id = UUID(uuidString: reference), protocols.contains(id) { return nil }
                guard let id = UUID(uuidString: reference), let kind = documents[id] else {
                    return FieldError(
                        field: field, code: "unknown-document",
                        message: LocalizedText(
                            sv: "Underlaget \"\(reference)\" är inget dokument i ärendet: välj ett av ärendets dokument.",
                            en: "The evidence \"\(reference)\" is no document of this case: choose one of its documents."))
                }
                if (piece.kind == .testProtocol) != (kind == .testProtocol) {
                    return FieldError(
                        field: field, code: "wrong-document-kind",
                        message: piece.kind == .testProtocol
                            ? LocalizedText(
                                sv: "Dokumentet är en \(kind.title.sv), inget testprotokoll.",
                                en: "The document is a \(kind.title.en), not a test protocol.")
                            : LocalizedText(
                                sv: "Ett testprotokoll lämnas som testprotokoll, inte som bilaga.",
                                en: "A test protocol is given as a test protocol, not as an attachment."))
                }
                return nil
            }
        }
    }
}
