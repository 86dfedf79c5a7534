/// What a committed write survives before the call that committed it returns.
///
/// Everything commits `.powerLoss` unless its caller chooses otherwise; only the verification traffic offers the
/// choice (`ANSLUT_TRAFFIC_DURABILITY`, for HL7 batches and DICOM objects with their files), because its cost there
/// is one flush of the disk per batch of messages or three per object
/// (about 3.6 ms on the benchmark machine's disk, BENCHMARKS.md), which bounds what eight senders can send.
public enum CommitDurability: String, Sendable, CaseIterable {
    /// The commit is on the disk: it survives the process being killed, the operating system crashing and the
    /// power going. SQLite flushes the write-ahead log at every commit (`synchronous = FULL`); PostgreSQL waits
    /// for its WAL flush (`synchronous_commit = on`).
    case powerLoss = "power-loss"
    /// The commit is handed to the database and survives the anslut process being killed (SIGKILL), but not the
    /// machine's crash or power loss, which may lose the last commits. SQLite writes the write-ahead log without
    /// flushing it (`synchronous = NORMAL`; the file stays consistent); PostgreSQL commits with
    /// `synchronous_commit = off` (its own process survives ours, and its crash may lose the last 0.6 s or so).
    case processCrash = "process-crash"

    /// SQLite's `PRAGMA synchronous` level for it.
    var sqliteSynchronous: String {
        switch self {
        case .powerLoss: "FULL"
        case .processCrash: "NORMAL"
        }
    }

    /// PostgreSQL's `synchronous_commit` for it.
    var postgresSynchronousCommit: String {
        switch self {
        case .powerLoss: "on"
        case .processCrash: "off"
        }
    }
}
