extension CaseState {
    /// Counts a change the engine does not make itself (the order's fields edited by the applicant) as a
    /// new version, so that optimistic concurrency covers it like any command.
    public mutating func recordExternalChange() {
        version += 1
    }
}
