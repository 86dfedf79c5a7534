import Domain
import HL7

/// The sentences of the findings that production-like traffic draws on nearly every message (MSH-11 `P`, a real
/// personnummer, a local identifier under a scheme's OID, a segment the profile does not list, an empty required
/// field), worded only when read (`LocalizedText(deferred:)`). Building two interpolated strings per finding was a
/// fifth of the check's time (BENCHMARKS.md, HL7); most findings are counted, stored or sent later, if at all.
///
/// Each type holds the values its sentence needs and words it exactly as the eager `LocalizedText(sv:en:)` beside
/// the rarer findings in `HL7MessageCheck` and `HL7IdentityCheck` would (`HL7CheckPinnedOutputTests` pins every
/// text). Those kept to 24 bytes live inside the text without an allocation. A sentence is put together by
/// `LocalizedText.sentence` each time it is read, in one buffer of its exact size. Reading both sentences of every
/// finding of production-like traffic still costs about a third of the throughput (BENCHMARKS.md, HL7): a sentence
/// is a string too long to be small, so each is an allocation.
enum HL7FindingText {
    /// `header.processing-id`.
    struct ProcessingID: LocalizedTextSource {
        let processing: String
        let accepted: [String]

        func text(in language: Language) -> String {
            let list = accepted.joined(separator: ", ")
            return language == .en
                ? LocalizedText.sentence("MSH-11 is \"", processing, "\"; the verification environment takes ", list, ".")
                : LocalizedText.sentence("MSH-11 är \"", processing, "\"; verifieringsmiljön tar emot ", list, ".")
        }
    }

    /// `structure.unexpected-segment`; the segment as its code, so the source stays within 24 bytes.
    struct UnexpectedSegment: LocalizedTextSource {
        let ruleName: String
        let segment: SegmentCode

        func text(in language: Language) -> String {
            language == .en
                ? LocalizedText.sentence("Segment ", segment.id, " is not part of ", ruleName, " in the profile.")
                : LocalizedText.sentence("Segmentet ", segment.id, " ingår inte i ", ruleName, " enligt profilen.")
        }
    }

    /// `structure.required-field`.
    struct RequiredField: LocalizedTextSource {
        let path: String
        let ruleName: String

        func text(in language: Language) -> String {
            language == .en
                ? LocalizedText.sentence(path, " is required in ", ruleName, " but empty.")
                : LocalizedText.sentence(path, " är obligatoriskt i ", ruleName, " men tomt.")
        }
    }

    /// `identity.real-personnummer`.
    struct RealPersonnummer: LocalizedTextSource {
        let value: String
        let field: HL7IdentityCheck.Field

        func text(in language: Language) -> String {
            LocalizedText.sentence(
                field.name, ": ", value,
                language == .en
                    ? " is not one of Skatteverket's test numbers: real personal data in verification traffic."
                    : " är inget av Skatteverkets testpersonnummer: riktiga personuppgifter i verifieringstrafik.")
        }
    }

    /// `identity.invalid-…`: the identifier rule's own sentence after the place and the value.
    struct InvalidIdentifier: LocalizedTextSource {
        let value: String
        let field: HL7IdentityCheck.Field
        let issue: LocalizedText

        func text(in language: Language) -> String {
            LocalizedText.sentence(field.name, ": ", value, ": ", issue.text(in: language))
        }
    }
}
