import Domain
import FluentKit
import Foundation
import SQLKit

/// What the queue reads and writes: a platform's cases as queue entries, skips, and the status changes the
/// forecast learns from. The order itself is `OnboardingQueue`'s (Domain); nothing here ranks.
public enum QueueStore {
    /// What only the platform team sees beside an entry, read for the cases a page shows.
    public struct Details: Sendable, Hashable {
        public let organisationName: String
        public let systemName: String?
        /// The case's version, for the start and skip forms' concurrency check.
        public let caseVersion: Int
    }

    /// The platform's cases that wait or may hold a place, with their current assessment's total and any skip: every
    /// request for the queue reads them all (10,000 in the benchmark), so only what the order needs is read.
    public static func entries(platform: String, on store: Store) async throws -> [QueueEntry] {
        let statuses = (QueueEntry.waitingStatuses + QueueEntry.placeHoldingStatuses).map(\.rawValue)
        return try await store.database.rows(
            """
            SELECT c.id, c.number, c.organisation_id, c.status, c.resume_status, c.submitted_at, c.created_at, a.total,
                   s.reason AS skip_reason
            FROM cases c
            LEFT JOIN case_assessments a ON a.case_id = c.id AND a.is_current = \(bind: true)
            LEFT JOIN queue_skips s ON s.case_id = c.id
            WHERE c.platform = \(bind: platform) AND c.status IN (\(binds: statuses))
            """ as SQLQueryString
        ) { row in
            QueueEntry(
                caseID: try row.uuid("id"), number: try row.string("number"),
                organisationID: try row.uuid("organisation_id"),
                status: CaseStatus(rawValue: try row.string("status")) ?? .submitted,
                resumeStatus: try row.optionalString("resume_status").flatMap(CaseStatus.init(rawValue:)),
                // Cases submitted before submission times were kept count from their creation.
                submittedAt: try row.optionalDate("submitted_at") ?? row.date("created_at"),
                total: try row.optionalInt("total"), skipReason: try row.optionalString("skip_reason"))
        }
    }

    /// The organisation, system and version of each case of `ids`.
    public static func details(of ids: [UUID], on store: Store) async throws -> [UUID: Details] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await store.database.rows(
            """
            SELECT c.id, o.name AS organisation_name, c.system_name, c.version
            FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE c.id IN (\(binds: ids))
            """ as SQLQueryString
        ) { row in
            (try row.uuid("id"), Details(
                organisationName: try row.string("organisation_name"), systemName: try row.optionalString("system_name"),
                caseVersion: try row.int("version")))
        }
        return Dictionary(rows) { first, _ in first }
    }

    /// Records that a case's status changed.
    static func recordStatusChange(
        caseID: UUID, platform: String, from: CaseStatus, to: CaseStatus, at: Date, on db: any Database
    ) async throws {
        let change = CaseStatusChangeModel()
        change.caseID = caseID
        change.platform = platform
        change.fromStatus = from.rawValue
        change.toStatus = to.rawValue
        change.changedAt = at
        try await change.create(on: db)
        // A pass-over holds only while the case waits in the queue.
        if from == .queued { try await clearSkip(of: caseID, on: db) }
    }

    /// Passes a queued case over with `reason`.
    public static func skip(_ caseID: UUID, reason: String, by user: UUID, in tx: WriteTransaction) async throws {
        try await clearSkip(of: caseID, on: tx.database)
        let skip = QueueSkipModel()
        skip.id = caseID
        skip.reason = reason
        skip.skippedBy = user
        skip.skippedAt = tx.now
        try await skip.create(on: tx.database)
    }

    /// Ends a pass-over (the case was assessed again, or left the queue).
    public static func clearSkip(of caseID: UUID, on db: any Database) async throws {
        try await QueueSkipModel.query(on: db).filter(\.$id == caseID).delete()
    }

    /// When each case of `ids` last started (moved from queued to in progress).
    public static func startTimes(of ids: [UUID], on store: Store) async throws -> [UUID: Date] {
        guard !ids.isEmpty else { return [:] }
        var starts: [UUID: Date] = [:]
        for change in try await CaseStatusChangeModel.query(on: store.database)
            .filter(\.$caseID ~~ ids).filter(\.$fromStatus == CaseStatus.queued.rawValue)
            .filter(\.$toStatus == CaseStatus.inProgress.rawValue).all()
        {
            starts[change.caseID] = max(starts[change.caseID] ?? .distantPast, change.changedAt)
        }
        return starts
    }

    /// How long the platform's onboardings took from their start to production, for those that reached production
    /// after `since`, newest first, at most `limit`.
    public static func onboardingDurations(
        platform: String, since: Date, limit: Int = 50, on store: Store
    ) async throws -> [TimeInterval] {
        let done = try await CaseStatusChangeModel.query(on: store.database)
            .filter(\.$platform == platform).filter(\.$toStatus == CaseStatus.inProduction.rawValue)
            .filter(\.$changedAt >= since).sort(\.$changedAt, .descending).limit(limit).all()
        let starts = try await startTimes(of: done.map(\.caseID), on: store)
        return done.compactMap { change in
            // The first start that precedes production; a case restarted after a hold counts from its first start.
            starts[change.caseID].map { change.changedAt.timeIntervalSince($0) }.flatMap { $0 >= 0 ? $0 : nil }
        }
    }
}

extension QueueStore {
    /// The platforms on which `organisation` has a case.
    public static func platforms(of organisation: UUID, on store: Store) async throws -> Set<String> {
        Set(try await CaseModel.query(on: store.database).filter(\.$organisation.$id == organisation)
            .field(\.$platform).unique().all().map(\.platform))
    }
}
