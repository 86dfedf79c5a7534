import Domain
import Foundation
import Persistence

/// A platform's queue as one role may see it, and the coordinator's changes to it.
public enum QueueWorkflow {
    /// The whole queue, for the platform's staff and admins: every case with its organisation, score and expected start.
    public struct TeamView: Sendable {
        public let platform: String
        public let matrix: AssessmentMatrix?
        public let queue: OnboardingQueue
        /// Organisation, system and version of the cases shown: the running ones, the offered one, and the pages
        /// asked for.
        public let details: [UUID: QueueStore.Details]
        public let forecast: QueueForecast
        /// The platform row's version, for the capacity form's concurrency check.
        public let platformVersion: Int
    }

    /// One of the applicant organisation's own cases: its standing and its own total, nothing of anyone else's.
    public struct OwnCase: Sendable, Hashable {
        public let caseID: UUID
        public let number: String
        public let status: CaseStatus
        public let standing: OnboardingQueue.Standing
        public let total: Int?
    }

    /// What an applicant sees of a platform's queue.
    public struct ApplicantView: Sendable {
        public let platform: String
        public let cases: [OwnCase]
        public let rule: LocalizedText?
        public let capacity: Int
    }

    public enum View: Sendable {
        case team(TeamView)
        case applicant(ApplicantView)
    }

    /// How far back the forecast looks for finished onboardings.
    public static let historyWindow: TimeInterval = 2 * 365 * 24 * 3600

    /// The queue of `platform` as `principal` may see it: the whole queue for its staff and admins (with the details
    /// of the cases in `shown` of the waiting and the not assessed), the organisation's own cases for an applicant
    /// (none is an empty view, not an error). Nil for an unknown platform.
    public static func view(
        of platform: String, for principal: Principal, shown: Range<Int> = 0..<100, in store: Store, cache: QueueCache,
        now: Date
    ) async throws -> View? {
        guard let settings = try await PlatformStore.platform(platform, on: store) else { return nil }
        let (queue, matrix) = try await cache.queue(of: platform, in: store).pair
        if PrioritisationRules.seesWholeQueue(principal, of: platform) {
            func page(_ list: [QueueEntry]) -> ArraySlice<QueueEntry> {
                list[min(shown.lowerBound, list.count)..<min(shown.upperBound, list.count)]
            }
            let visible = queue.running + [queue.offered].compactMap { $0 } + page(queue.waiting) + page(queue.notAssessed)
            let starts = try await QueueStore.startTimes(of: queue.running.map(\.caseID), on: store)
            let durations = try await QueueStore.onboardingDurations(
                platform: platform, since: now - historyWindow, on: store)
            return .team(TeamView(
                platform: platform, matrix: matrix, queue: queue,
                details: try await QueueStore.details(of: visible.map(\.caseID), on: store),
                forecast: QueueForecast(queue: queue, startedAt: starts, durations: durations, now: now),
                platformVersion: settings.version))
        }
        let own = (queue.running + queue.waiting + queue.notAssessed)
            .filter { $0.organisationID == principal.organisationID && principal.organisationID != nil }
        let cases = own.compactMap { entry in
            queue.standing(of: entry.caseID).map {
                OwnCase(caseID: entry.caseID, number: entry.number, status: entry.status, standing: $0, total: entry.total)
            }
        }.sorted { $0.number < $1.number }
        return .applicant(ApplicantView(
            platform: platform, cases: cases, rule: matrix?.orderRule(capacity: queue.capacity), capacity: queue.capacity))
    }

    /// Sets how many onboardings the platform's team runs at once, if the platform is still at `expectedVersion`;
    /// the platform's coordinators and admins only.
    public static func setCapacity(
        _ text: String, of platform: String, expectedVersion: Int, by principal: Principal, in store: Store,
        clock: any WallClock
    ) async throws -> PlatformStore.Platform {
        guard PrioritisationRules.mayChangeCapacity(principal, of: platform) else {
            throw CaseRefused(refusal: CaseRefusal(.missingRole, LocalizedText(
                sv: "Endast plattformens samordnare ändrar kapaciteten.", en: "Only the platform's coordinators change the capacity.")))
        }
        let capacity: Int
        switch PlatformSettings.validateCapacity(text) {
        case .success(let value): capacity = value
        case .failure(let failure): throw failure
        }
        return try await store.write(clock: clock) { tx in
            guard let current = try await PlatformStore.platform(platform, on: tx.store) else { throw CaseNotFound() }
            var settings = current.settings
            let before = settings.queueCapacity
            settings.document["queueCapacity"] = .int(Int64(capacity))
            let updated = try await PlatformStore.update(platform, settings: settings, expectedVersion: expectedVersion, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .platformCapacityChange, subject: PlatformWorkflow.subject(platform),
                payload: [
                    "capacity": .int(Int64(capacity)), "previous": .int(Int64(before)),
                    "version": .int(Int64(updated.version)),
                ]))
            return updated
        }
    }

    /// The queue's objection to starting `record` now, read inside the start's own transaction so that two starts
    /// cannot both take the last place.
    static func startRefusal(of record: CaseRecord, in tx: WriteTransaction) async throws -> LocalizedText? {
        // Read inside the transaction, never kept: the check must see exactly what the start commits against.
        try await read(record.platform, in: tx.store).queue.startRefusal(of: record.id)
    }
}

extension QueueWorkflow {
    /// Where each case of `platforms` stands in its platform's queue, by case id; cases outside the queue are absent.
    public static func standings(
        on platforms: Set<String>, in store: Store, cache: QueueCache
    ) async throws -> [UUID: OnboardingQueue.Standing] {
        var standings: [UUID: OnboardingQueue.Standing] = [:]
        for platform in platforms.sorted() {
            let queue = try await cache.queue(of: platform, in: store).queue
            for entry in queue.running + queue.waiting + queue.notAssessed {
                standings[entry.caseID] = queue.standing(of: entry.caseID)
            }
        }
        return standings
    }

    /// One case's standing in its platform's queue, with the queue's rule in words; nil when it is not in the queue.
    public static func standing(
        of caseID: UUID, platform: String, in store: Store, cache: QueueCache
    ) async throws -> (standing: OnboardingQueue.Standing, rule: LocalizedText?)? {
        let (queue, matrix) = try await cache.queue(of: platform, in: store).pair
        return queue.standing(of: caseID).map { ($0, matrix?.orderRule(capacity: queue.capacity)) }
    }

    /// The platform's queue read from the database (`QueueCache` keeps it between changes).
    static func read(_ platform: String, in store: Store) async throws -> (queue: OnboardingQueue, matrix: AssessmentMatrix?) {
        let capacity = try await PlatformStore.platform(platform, on: store)?.settings.queueCapacity
            ?? PlatformSettings.defaultQueueCapacity
        let matrix = try await MatrixStore.current(platform: platform, on: store)
        let entries = try await QueueStore.entries(platform: platform, on: store)
        return (OnboardingQueue(entries: entries, capacity: capacity, placeStatuses: matrix?.placeStatuses ?? [.inProgress]), matrix)
    }
}

extension QueueCache.Kept {
    var pair: (OnboardingQueue, AssessmentMatrix?) { (queue, matrix) }
}

extension QueueWorkflow {
    /// The platforms on which the applicant's organisation has a case.
    public static func organisationPlatforms(_ principal: Principal, in store: Store) async throws -> Set<String> {
        guard let organisation = principal.organisationID else { return [] }
        return try await QueueStore.platforms(of: organisation, on: store)
    }
}
