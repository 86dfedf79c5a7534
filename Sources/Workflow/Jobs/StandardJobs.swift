import Crypto
import Domain
import Foundation
import Persistence

/// The upkeep every installation runs while it serves.
public enum StandardJobs {
    public static let expiredSessions = ScheduledJob(name: "expired-sessions", interval: 3600)
    public static let sqliteOptimize = ScheduledJob(name: "sqlite-optimize", interval: 24 * 3600)
    public static let auditCheckpoint = ScheduledJob(name: "audit-checkpoint", interval: 600)

    /// The jobs for a database on `engine`, checkpoints signed with `signingKey`.
    public static func all(
        engine: DatabaseEngine, signingKey: Curve25519.Signing.PrivateKey, clock: any WallClock
    ) -> [Job] {
        var jobs = [
            Job(expiredSessions) { database, now in
                try await WebSessions.removeExpired(at: now, on: database)
            },
            Job(auditCheckpoint) { database, _ in
                _ = try await AuditCheckpoints.record(with: signingKey, clock: clock, on: database)
            },
        ]
        // PostgreSQL gathers its planner's statistics itself.
        if engine == .sqlite {
            jobs.append(Job(sqliteOptimize) { database, _ in
                try await database.write(clock: clock) { tx in try await StoragePreparation.refreshPlannerStatistics(tx.store) }
            })
        }
        return jobs
    }
}
