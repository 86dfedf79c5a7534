import Foundation

/// Who made a change, as the audit trail records it.
///
/// The stored text form is part of every event's hash and stays stable:
///
/// | actor | text |
/// | --- | --- |
/// | a person signed in | `user:<uuid>` (upper-case hex, as every event since the first has it) |
/// | a system account (a connecting system's identity) | `system-account:<uuid>` |
/// | the command line | `cli`, or `cli:<uuid>` when the operator's user is known |
/// | a scheduled job | `job:<name>` |
/// | the server itself (publishing at start) | `system` |
///
/// Events written before this type existed read the same way; `demo` (the demo seeding) reads as the command
/// line.
public enum AuditActor: Sendable, Hashable {
    case user(UUID)
    case systemAccount(UUID)
    case commandLine(operator: UUID?)
    case job(String)
    case system

    /// The stored text form.
    public var text: String {
        switch self {
        case .user(let id): "user:" + id.uuidString
        case .systemAccount(let id): "system-account:" + id.uuidString
        case .commandLine(nil): "cli"
        case .commandLine(let id?): "cli:" + id.uuidString
        case .job(let name): "job:" + name
        case .system: "system"
        }
    }

    /// Reads the stored text form; nil for text no version of Anslut writes.
    public init?(text: String) {
        switch text {
        case "system": self = .system
        case "cli", "demo": self = .commandLine(operator: nil)
        default:
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let value = String(parts[1])
            switch parts[0] {
            case "user": guard let id = UUID(uuidString: value) else { return nil }; self = .user(id)
            case "system-account": guard let id = UUID(uuidString: value) else { return nil }; self = .systemAccount(id)
            case "cli": guard let id = UUID(uuidString: value) else { return nil }; self = .commandLine(operator: id)
            case "job" where !value.isEmpty: self = .job(value)
            default: return nil
            }
        }
    }

    /// The kind, as the events API names it.
    public var kind: String {
        switch self {
        case .user: "user"
        case .systemAccount: "system_account"
        case .commandLine: "command_line"
        case .job: "job"
        case .system: "system"
        }
    }

    /// The user or system account behind the change, when there is one.
    public var id: UUID? {
        switch self {
        case .user(let id), .systemAccount(let id): id
        case .commandLine(let id): id
        case .job, .system: nil
        }
    }
}
