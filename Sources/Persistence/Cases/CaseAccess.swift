import Domain
import Foundation

/// Which cases a principal sees, with which roles: the access rule of Domain (`Principal.roles`) applied to a
/// stored case.
public enum CaseAccess {
    /// A case as `principal` may see it, or `CaseNotFound` when it is none of theirs (the same answer as
    /// for an id that does not exist, so ids leak nothing).
    public static func visibleCase(_ id: UUID, to principal: Principal, on store: Store) async throws
        -> (record: CaseRecord, roles: Set<Role>)
    {
        let record = try await CaseStore.load(id, on: store)
        let roles = principal.roles(
            onCaseOf: record.platform, organisation: record.organisationID, status: record.state.status)
        guard !roles.isEmpty else { throw CaseNotFound() }
        return (record, roles)
    }
}
