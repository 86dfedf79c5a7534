import Crypto
import FluentKit
import Foundation

/// Makes a scheduled job run on one instance at a time.
///
/// On PostgreSQL, a session-level `pg_try_advisory_lock` with a key made from the job's name, held on a
/// connection of its own for the whole run: the work uses the pool as usual (one connection per event loop
/// would otherwise be taken by the lock), and a crashed instance's lock goes with its connection. On SQLite
/// one process serves the file, so a set of the jobs running in this process is enough.
public enum JobLock {
    /// Runs `body` when no one else holds the lock for `name`, and returns its result; returns nil at once,
    /// without running it, when another run holds the lock.
    public static func withLock<T: Sendable>(
        named name: String, choice: DatabaseChoice, loggingTo store: Store, _ body: @Sendable () async throws -> T
    ) async throws -> T? {
        switch choice {
        case .sqliteFile(let path):
            // By file as well as by name: tests run many SQLite files in one process.
            let running = "\(path)\n\(name)"
            guard runningHere.claim(running) else { return nil }
            defer { runningHere.release(running) }
            return try await body()
        case .postgres(let url):
            return try await AdvisoryLockConnection.with(url: url, loggingTo: store.database) { connection in
                guard try await connection.tryLock(key(for: name)) else { return nil }
                do {
                    let result = try await body()
                    try await connection.unlock(key(for: name))
                    return result
                } catch {
                    try? await connection.unlock(key(for: name))
                    throw error
                }
            }
        }
    }

    /// The first 8 bytes of the SHA-256 of "anslut-job:" + name: stable across instances and releases.
    static func key(for name: String) -> Int64 {
        let digest = SHA256.hash(data: Data("anslut-job:\(name)".utf8))
        return digest.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }
    }

    private static let runningHere = RunningJobs()
}

/// The jobs running in this process, each as its SQLite file and name.
private final class RunningJobs: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []

    func claim(_ name: String) -> Bool { lock.withLock { names.insert(name).inserted } }
    func release(_ name: String) { _ = lock.withLock { names.remove(name) } }
}
