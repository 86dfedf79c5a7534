import FluentKit
import Foundation

/// Slows down password guessing per account and per address: five failures in a row are free (each answered
/// "wrong password"); the sixth makes the key wait 30 seconds, and every further failure twice as long, at
/// most an hour. While a key waits, every try is refused before its password is checked.
/// A key with no failure for a day starts again from nothing.
public enum LoginThrottle {
    public static let freeFailures = 5
    static let firstWait: TimeInterval = 30
    static let longestWait: TimeInterval = 3600
    static let memory: TimeInterval = 24 * 3600

    public static func account(_ email: String) -> String { "account:" + email.lowercased() }
    public static func address(_ address: String) -> String { "address:" + address }

    /// How long to wait after `failures` failures in a row; nil while they are free.
    public static func wait(afterFailures failures: Int) -> TimeInterval? {
        guard failures > freeFailures else { return nil }
        return min(longestWait, firstWait * pow(2, Double(min(failures - freeFailures - 1, 12))))
    }

    /// Whole seconds until every key in `keys` may try again; nil when none has to wait.
    public static func secondsToWait(_ keys: [String], now: Date, on store: Store) async throws -> Int? {
        let db = store.database
        let blocked = try await LoginThrottleModel.query(on: db).filter(\.$key ~~ keys).all()
            .compactMap(\.blockedUntil).filter { $0 > now }.max()
        return blocked.map { Int($0.timeIntervalSince(now).rounded(.up)) }
    }

    /// Counts one failure under each key; returns the seconds to wait that it imposes, if any.
    public static func recordFailure(_ keys: [String], in tx: WriteTransaction) async throws -> Int? {
        let now = tx.clock.now()
        var longest: TimeInterval?
        for key in keys {
            let row = try await LoginThrottleModel.query(on: tx.database).filter(\.$key == key).first()
                ?? LoginThrottleModel()
            let forgotten = row.id == nil || now.timeIntervalSince(row.lastFailureAt) > memory
            row.key = key
            row.failures = (forgotten ? 0 : row.failures) + 1
            row.lastFailureAt = now
            if let wait = wait(afterFailures: row.failures) {
                row.blockedUntil = now.addingTimeInterval(wait)
                longest = max(longest ?? 0, wait)
            }
            try await row.save(on: tx.database)
        }
        return longest.map { Int($0.rounded(.up)) }
    }

    /// Forgets the failures under `key`, after a successful sign-in.
    public static func clear(_ key: String, in tx: WriteTransaction) async throws {
        try await LoginThrottleModel.query(on: tx.database).filter(\.$key == key).delete()
    }
}
