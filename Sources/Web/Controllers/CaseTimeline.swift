import Domain
import Foundation
import Persistence

/// The audit events of a case told in words: who (by name and role on the case), did what, to which item.
enum CaseTimeline {
    /// What an event is about, for the timeline's filter.
    enum Kind: String, CaseIterable, Sendable {
        case items, decisions, documents, questions, status

        func title(_ l: Domain.Language) -> String {
            switch self {
            case .items: l("Punkter", "Items")
            case .decisions: l("Beslut", "Decisions")
            case .documents: l("Dokument", "Documents")
            case .questions: l("Frågor", "Questions")
            case .status: l("Status", "Status")
            }
        }

        init(_ action: AuditAction?) {
            switch action {
            case .caseCommand(.tick)?, .caseCommand(.markNotApplicable)?, .caseCommand(.reopen)?: self = .items
            case .caseCommand(.decide)?: self = .decisions
            case .documentUpload?: self = .documents
            case .threadOpen?, .threadReply?, .threadClose?: self = .questions
            default: self = .status
            }
        }
    }

    static func events(
        _ events: [AuditEvent], definition: ProcessDefinition, people: CasePeople, language l: Domain.Language
    ) -> [CaseShow.Event] {
        let timestamps = ISO8601DateFormatter()
        timestamps.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return events.map { event in
            let payload = (try? JSONDecoder().decode(CanonicalJSON.self, from: Data(event.payload.utf8))) ?? .null
            let arguments = field(payload, "arguments")
            func item(_ value: CanonicalJSON) -> String {
                let id = text(value) ?? ""
                return "”" + (definition.item(ItemID(rawValue: id))?.text.text(in: l) ?? id) + "”"
            }
            func reason(_ value: CanonicalJSON) -> String {
                text(value).map { ": " + $0 } ?? ""
            }
            let phase = text(field(arguments, "phase")).flatMap { id in
                definition.phases.first { $0.id.rawValue == id }?.title.text(in: l)
            } ?? ""
            let what: String = switch event.auditAction {
            case .caseCreate?: l("skapade ärendet", "created the case")
            case .caseEdit?: l("ändrade beställningen", "changed the order")
            case .caseCommand(.submit)?: l("skickade in ärendet", "submitted the case")
            case .caseCommand(.beginTriage)?: l("påbörjade bedömningen", "began triage")
            case .caseCommand(.tick)?: l("bockade av ", "ticked ") + item(field(arguments, "item"))
            case .caseCommand(.markNotApplicable)?:
                l("markerade ", "marked ") + item(field(arguments, "item")) + l(" som ej tillämplig", " as not applicable")
                    + reason(field(arguments, "reason"))
            case .caseCommand(.reopen)?: l("öppnade ", "reopened ") + item(field(arguments, "item")) + l(" igen", "")
            case .caseCommand(.decide)?:
                l("beslutade om ", "decided on ") + item(field(arguments, "item")) + " (" + (text(field(arguments, "outcome")) ?? "")
                    + ")" + reason(field(arguments, "reason"))
            case .caseCommand(.completePhase)?: l("slutförde fasen ”", "completed the phase ”") + phase + "”"
            case .caseCommand(.start)?: l("startade arbetet", "started work")
            case .caseCommand(.returnForCompletion)?:
                l("återsände ärendet för komplettering", "returned the case for completion") + reason(field(arguments, "reason"))
            case .caseCommand(.resubmit)?: l("skickade in ärendet igen", "resubmitted the case")
            case .caseCommand(.putOnHold)?: l("gjorde ärendet vilande", "put the case on hold") + reason(field(arguments, "reason"))
            case .caseCommand(.resume)?: l("återupptog ärendet", "resumed the case")
            case .caseCommand(.reject)?: l("avslog ärendet", "rejected the case") + reason(field(arguments, "reason"))
            case .caseCommand(.withdraw)?: l("återkallade ärendet", "withdrew the case") + reason(field(arguments, "reason"))
            case .caseCommand(.close)?: l("avslutade ärendet", "closed the case")
            case .caseCommand(.migrate)?: l("flyttade ärendet till processversion ", "moved the case to process version ")
                + (text(field(arguments, "to")) ?? "")
            case .threadOpen?:
                text(field(payload, "kind")) == "question" ? l("ställde en fråga", "asked a question")
                    : l("skrev en kommentar", "wrote a comment")
            case .threadReply?: l("svarade i en tråd", "replied in a thread")
            case .threadClose?: l("stängde en fråga", "closed a question")
            case .documentUpload?:
                l("laddade upp ", "uploaded ") + (text(field(payload, "kind")).flatMap(DocumentKind.init(rawValue:))?
                    .title.text(in: l) ?? "") + " " + l("version ", "version ")
                    + (text(field(payload, "version")) ?? "") + ": " + (text(field(payload, "name")) ?? "")
            case .accountRegister?:
                l("registrerade verifieringskontot ", "registered the verification account ") + sender(payload)
            case .accountAETitlesChange?:
                l("ändrade ett verifieringskontos AE-titlar till ", "changed a verification account's AE titles to ")
                    + (texts(field(payload, "to")).isEmpty ? "–" : texts(field(payload, "to")).joined(separator: ", "))
            case .accountStatusChange?:
                l("ändrade ett verifieringskontos status till ", "changed a verification account's status to ")
                    + (text(field(payload, "to")).flatMap(SystemAccount.Status.init(rawValue:))?.title.text(in: l) ?? "")
                    + reason(field(payload, "reason"))
            case .testSessionOpen?:
                l("öppnade en testsession mot profilen ", "opened a test session against the profile ")
                    + (text(field(payload, "profile")) ?? "")
            default: event.action
            }
            return CaseShow.Event(
                time: timestamps.date(from: event.occurredAt).map(PageTime.formatWithZone) ?? event.occurredAt,
                actor: people.nameAndRole(event.auditActor), text: what, kind: Kind(event.auditAction))
        }
    }

    private static func field(_ json: CanonicalJSON, _ key: String) -> CanonicalJSON {
        if case .object(let members) = json { return members[key] ?? .null }
        return .null
    }

    /// `RIS1^SU, AE CT1, AE CT2` from a registration's payload; events before several titles carry `dicomAETitle`.
    private static func sender(_ payload: CanonicalJSON) -> String {
        let application = text(field(payload, "hl7SendingApplication")) ?? ""
        let hl7 = application.isEmpty ? [] : [application + "^" + (text(field(payload, "hl7SendingFacility")) ?? "")]
        let titles = texts(field(payload, "dicomAETitles")) + [text(field(payload, "dicomAETitle"))].compactMap { $0 }
        return (hl7 + titles.map { "AE " + $0 }).joined(separator: ", ")
    }

    private static func texts(_ json: CanonicalJSON) -> [String] {
        if case .array(let values) = json { return values.compactMap(text) }
        return []
    }

    private static func text(_ json: CanonicalJSON) -> String? {
        if case .string(let value) = json { return value }
        if case .int(let value) = json { return String(value) }
        return nil
    }
}

/// How a person appears on a case page: "Du" for the viewer, else their role on the case; on the timeline their
/// name and role.
struct CasePeople {
    let viewer: UUID
    let roles: [UUID: Set<Role>]
    let names: [UUID: String]
    let language: Domain.Language

    static func load(_ actors: Set<UUID>, viewer: UUID, record: CaseRecord, language: Domain.Language,
                     on store: Store) async throws -> CasePeople
    {
        let principals = try await AccountStore.principals(userIDs: actors, on: store)
        let roles = principals.mapValues {
            $0.roles(onCaseOf: record.platform, organisation: record.organisationID, status: record.state.status)
        }
        let names = try await AccountStore.names(userIDs: actors, on: store)
        return CasePeople(viewer: viewer, roles: roles, names: names, language: language)
    }

    /// "Anna Berg (samordnare)" for a person; a system account, the command line or a job as `name` says.
    func nameAndRole(_ actor: AuditActor?) -> String {
        guard case .user(let id)? = actor else { return name(actor) }
        guard let role = role(of: id) else { return name(id) }
        let personal = names[id].flatMap { $0.isEmpty ? nil : $0 }
        let who = id == viewer ? language("Du", "You") : personal ?? capitalised(role.title.text(in: language))
        return "\(who) (\(role.title.text(in: language)))"
    }

    private func role(of id: UUID) -> Role? {
        let held = roles[id] ?? []
        let order: [Role] = [.applicant, .coordinator, .decisionMaker, .securityReviewer, .technician, .admin]
        return order.first(where: held.contains)
    }

    private func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The name for an audit actor: a person by their role on the case, a system account, the command line,
    /// a scheduled job or the server itself.
    func name(_ actor: AuditActor?) -> String {
        switch actor {
        case .user(let id)?: name(id)
        case .systemAccount?: language("Ett systemkonto", "A system account")
        case .commandLine?: language("Kommandoraden", "The command line")
        case .job(let job)?: language("Det schemalagda jobbet \(job)", "The scheduled job \(job)")
        case .system?, nil: language("Systemet", "The system")
        }
    }

    func name(_ id: UUID) -> String {
        if id == viewer { return language("Du", "You") }
        guard let role = role(of: id) else { return language("En tidigare användare", "A former user") }
        return capitalised(role.title.text(in: language))
    }
}
