/// What a change was, as the audit trail records it: a dotted verb whose text is part of the event's hash
/// and stays stable. A case command's action is `case.` and the command's wire name (`case.submit`,
/// `case.begin_triage`, `case.tick`, …).
public enum AuditAction: Sendable, Hashable {
    case caseCreate
    case caseCommand(CaseCommand.Name)
    case caseEdit
    case documentUpload
    case threadOpen
    case threadReply
    case threadClose
    case organisationRegister
    case processPublish
    case platformCreate
    case platformSettingsChange
    case userCreate
    case userRoleAdd
    case userRoleRemove
    case userSignIn
    case userSignOut
    case userPasswordChange
    case userTokenIssue
    case userTokenRevoke
    case userTokenRevokeAll
    case accountRegister
    case accountStatusChange
    case accountAETitlesChange
    case testSessionOpen
    case testSessionClose
    case matrixPublish
    case caseAssess
    case platformCapacityChange

    /// The stored text form.
    public var text: String {
        switch self {
        case .caseCreate: "case.create"
        case .caseCommand(let name): "case." + name.rawValue
        case .caseEdit: "case.edit"
        case .documentUpload: "case.document.upload"
        case .threadOpen: "case.thread.open"
        case .threadReply: "case.thread.reply"
        case .threadClose: "case.thread.close"
        case .organisationRegister: "organisation.register"
        case .processPublish: "process.publish"
        case .platformCreate: "platform.create"
        case .platformSettingsChange: "platform.settings.change"
        case .userCreate: "user.create"
        case .userRoleAdd: "user.role.add"
        case .userRoleRemove: "user.role.remove"
        case .userSignIn: "user.sign_in"
        case .userSignOut: "user.sign_out"
        case .userPasswordChange: "user.password.change"
        case .userTokenIssue: "user.token.issue"
        case .userTokenRevoke: "user.token.revoke"
        case .userTokenRevokeAll: "user.token.revoke_all"
        case .accountRegister: "case.account.register"
        case .accountStatusChange: "case.account.status"
        case .accountAETitlesChange: "case.account.ae_titles"
        case .testSessionOpen: "case.test_session.open"
        case .testSessionClose: "case.test_session.close"
        case .matrixPublish: "matrix.publish"
        case .caseAssess: "case.assess"
        case .platformCapacityChange: "platform.capacity.change"
        }
    }

    static let fixed: [AuditAction] = [
        .caseCreate, .caseEdit, .documentUpload, .threadOpen, .threadReply, .threadClose, .organisationRegister,
        .processPublish, .platformCreate, .platformSettingsChange, .userCreate, .userRoleAdd, .userRoleRemove, .userSignIn, .userSignOut, .userPasswordChange,
        .userTokenIssue, .userTokenRevoke, .userTokenRevokeAll, .accountRegister, .accountStatusChange,
        .accountAETitlesChange, .testSessionOpen, .testSessionClose,
        .matrixPublish, .caseAssess, .platformCapacityChange,
    ]
    private static let byText: [String: AuditAction] = Dictionary(
        uniqueKeysWithValues: (fixed + CaseCommand.Name.allCases.map(AuditAction.caseCommand)).map { ($0.text, $0) })

    /// Reads the stored text form; nil for an action this version does not know.
    public init?(text: String) {
        guard let action = Self.byText[text] else { return nil }
        self = action
    }
}
