import Domain
import Foundation

extension AuditEvent {
    /// Who made the change, in words: a user or system account by name (`names`, by id), the command line, a
    /// scheduled job, the server itself; the stored text for an actor no version of Anslut writes.
    func actorName(_ names: [UUID: String], language l: Domain.Language) -> String {
        switch auditActor {
        case .user(let id)?: names[id] ?? l("En tidigare användare", "A former user")
        case .systemAccount(let id)?: names[id] ?? l("Ett systemkonto", "A system account")
        case .commandLine(let id)?: id.flatMap { names[$0] }.map { l("Kommandoraden (\($0))", "The command line (\($0))") }
            ?? l("Kommandoraden", "The command line")
        case .job(let job)?: l("Schemalagt jobb: \(job)", "Scheduled job: \(job)")
        case .system?: l("Systemet", "The system")
        case nil: actor
        }
    }
}
