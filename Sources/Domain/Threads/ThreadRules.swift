import Foundation

/// A comment or a question on a case, between the platform team and the applicant.
public enum ThreadKind: String, Sendable, Codable, CaseIterable {
    case comment
    case question
}

/// Where a thread stands: a question is open until someone on the other side replies (answered), then its
/// asker or the platform team closes it.
public enum ThreadStatus: String, Sendable, Codable {
    case open
    case answered
    case closed
}

/// The rules of comments and questions, as values: what a message may hold, who may close, when a reply
/// answers. The workflow applies them; the pages and the API only report what they say.
public enum ThreadRules {
    /// The longest message.
    public static let maximumLength = 20_000

    /// Every broken rule of a message's text, at `text`: not blank, no control character, not too long.
    public static func textErrors(_ text: String) -> [FieldError] {
        if text.trimmingWhitespace.isEmpty {
            return [.required("text", label: LocalizedText(sv: "Texten", en: "The text"))]
        }
        if let error = FreeText.check(text, field: "text") { return [error] }
        if text.count > maximumLength {
            return [FieldError(
                field: "text", code: "too-long",
                message: LocalizedText(sv: "Texten får vara högst \(maximumLength) tecken.",
                                       en: "The text may be at most \(maximumLength) characters."))]
        }
        return []
    }

    /// Why a reply cannot be added; nil when it can. A closed thread takes no more replies.
    public static func replyRefusal(status: ThreadStatus) -> CaseRefusal? {
        status == .closed
            ? CaseRefusal(.wrongState, LocalizedText(sv: "Frågan är stängd.", en: "The question is closed."))
            : nil
    }

    /// The status after a reply: an open question is answered when the reply comes from the other side (the
    /// applicant answering the platform team, or the other way round).
    public static func status(
        afterReplyTo kind: ThreadKind, in status: ThreadStatus, askerIsApplicant: Bool, replierIsApplicant: Bool
    ) -> ThreadStatus {
        kind == .question && status == .open && askerIsApplicant != replierIsApplicant ? .answered : status
    }

    /// Why `closer` (holding `roles` on the case) cannot close the thread; nil when they can: its asker may,
    /// and so may anyone on the platform team.
    public static func closeRefusal(askedBy asker: UUID, closer: UUID, roles: Set<Role>) -> CaseRefusal? {
        asker == closer || roles != [.applicant]
            ? nil
            : CaseRefusal(.missingRole, LocalizedText(
                sv: "Endast den som frågade eller plattformsteamet stänger en fråga.",
                en: "Only the asker or the platform team closes a question."))
    }
}
