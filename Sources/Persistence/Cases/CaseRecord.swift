import Domain
import Foundation

/// A case as stored: the engine's state plus what the engine does not look at.
public struct CaseRecord: Sendable, Hashable {
    public let id: UUID
    public let number: String
    public let platform: String
    public let organisationID: UUID
    public let organisationName: String
    public let createdBy: UUID
    public let createdAt: Date
    public let updatedAt: Date
    public var fields: [String: String]
    public var state: CaseState
    public var decisions: [Decision]

    /// The record after a change was stored: its new state, its fields when they changed, the decisions the
    /// engine recorded, changed at `time`. The command's one read of the case serves its answer too.
    public func after(_ state: CaseState, actions: [CaseAction], fields: [String: String]? = nil, at time: Date) -> CaseRecord {
        let recorded = actions.compactMap { action -> Decision? in
            if case .decisionRecorded(let decision) = action { decision } else { nil }
        }
        return CaseRecord(
            id: id, number: number, platform: platform, organisationID: organisationID, organisationName: organisationName,
            createdBy: createdBy, createdAt: createdAt, updatedAt: time, fields: fields ?? self.fields, state: state,
            decisions: decisions + recorded)
    }

    /// The audit subject of this case.
    public var subject: String { Self.subject(id) }

    public static func subject(_ id: UUID) -> String { "case:\(id.uuidString.lowercased())" }
}

/// Nothing the user may see has this id: no such case, or someone else's (the two answer the same).
public struct CaseNotFound: Error, Sendable {
    public init() {}
}

/// The case changed since the caller read it; `current` is what it is now.
public struct VersionConflict: Error, Sendable {
    public let expected: Int
    public let current: CaseRecord

    public init(expected: Int, current: CaseRecord) {
        self.expected = expected
        self.current = current
    }
}

/// The engine refused the command.
public struct CaseRefused: Error, Sendable {
    public let refusal: CaseRefusal

    public init(refusal: CaseRefusal) {
        self.refusal = refusal
    }
}
