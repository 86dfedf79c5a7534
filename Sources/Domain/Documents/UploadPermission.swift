/// Who may add a document to a case: the platform's staff on the cases they see; the applicant on their
/// case until it is closed, rejected or withdrawn; nobody else (an admin sees documents but adds none).
public enum UploadPermission {
    static let staff: Set<Role> = [.coordinator, .securityReviewer, .technician, .decisionMaker]

    /// Why someone holding `roles` on a case in `status` may not upload; nil when they may.
    public static func refusal(roles: Set<Role>, status: CaseStatus) -> CaseRefusal? {
        if !roles.isDisjoint(with: staff) { return nil }
        guard roles.contains(.applicant) else {
            return CaseRefusal(.missingRole, LocalizedText(
                sv: "Endast den sökande organisationen och plattformsteamet laddar upp dokument.",
                en: "Only the applying organisation and the platform team upload documents."))
        }
        guard !status.isTerminal else {
            return CaseRefusal(.wrongState, LocalizedText(
                sv: "Ärendet är \(status.title.sv); inga fler dokument kan laddas upp.",
                en: "The case is \(status.title.en); no more documents can be uploaded."))
        }
        return nil
    }
}
