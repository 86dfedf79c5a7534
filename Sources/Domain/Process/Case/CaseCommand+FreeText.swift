extension CaseCommand {
    /// The free text a command carries (reasons, evidence references and comments) checked against
    /// ``FreeText``, with the field names the API and the pages use (`reason`, `evidence/0/reference`).
    public var freeTextErrors: [FieldError] {
        switch self {
        case .tick(_, let evidence):
            FreeText.check(evidence.enumerated().map { ("evidence/\($0.offset)/reference", $0.element.reference) })
        case .markNotApplicable(_, let reason), .returnForCompletion(let reason), .putOnHold(let reason),
            .reject(let reason), .skipInQueue(let reason):
            FreeText.check([("reason", reason)])
        case .decide(_, _, let reason), .withdraw(let reason):
            FreeText.check([("reason", reason ?? "")])
        case .submit, .beginTriage, .reopen, .completePhase, .start, .resubmit, .resume, .close, .migrate:
            []
        }
    }
}
