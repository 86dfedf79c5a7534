import Domain
import Foundation
import Persistence

/// Every change to a case, each in one transaction with its audit event: read the case once, check who may,
/// check the version the caller saw, check the rules (free text, the order's fields, the evidence), let the
/// engine decide, store what it changed.
public enum CaseWorkflow {
    /// Creates a draft on the platform's current definition for the applicant's organisation, numbered
    /// `<PLATFORM>-<year>-<serial>`.
    public static func create(
        platform: String, fields: [String: String], by principal: Principal, in store: Store, clock: any WallClock
    ) async throws -> CaseRecord {
        guard principal.holds(.applicant) else {
            throw CaseRefused(refusal: CaseRefusal(.missingRole, LocalizedText(
                sv: "Endast sökande skapar ärenden.", en: "Only applicants create cases.")))
        }
        guard let organisation = principal.organisationID else {
            throw ValidationFailure([FieldError(
                field: "organisation", code: "required",
                message: LocalizedText(sv: "Användaren hör inte till någon organisation.",
                                       en: "The user belongs to no organisation."))])
        }
        return try await store.write(clock: clock) { tx in
            guard let definition = try await DefinitionStore.current(on: tx.store)[platform] else {
                throw ValidationFailure([
                    FieldError(
                        field: "platform", code: "unknown-platform",
                        message: LocalizedText(sv: "Okänd plattform \"\(platform)\".", en: "Unknown platform \"\(platform)\"."))
                ])
            }
            let fieldErrors = definition.form.checkDraft(fields)
            guard fieldErrors.isEmpty else { throw ValidationFailure(fieldErrors) }
            let record = try await CaseStore.insert(
                definition: definition, organisation: organisation, fields: fields, createdBy: principal.userID, in: tx)
            try await tx.audit(
                AuditEventDraft(
                    actor: principal.actor, action: .caseCreate, subject: record.subject,
                    payload: [
                        "number": .string(record.number), "platform": .string(platform),
                        "definition": .string(record.state.definition.description),
                        "fields": .object(fields.mapValues(CanonicalJSON.string)),
                    ]))
            return record
        }
    }

    /// Runs `command` on the case for `principal`, if the case is still at `expectedVersion` (nil skips the
    /// check). Submitting (and resubmitting) checks the order's fields first and reports every broken rule.
    /// Starting checks the platform's queue (order and capacity); `queueOverride` is the coordinator's reason to
    /// start anyway, recorded in the audit event.
    public static func run(
        _ command: CaseCommand, on caseID: UUID, by principal: Principal, expectedVersion: Int?,
        queueOverride: String? = nil, in store: Store, clock: any WallClock
    ) async throws -> CaseRecord {
        var textErrors = command.freeTextErrors
        let queueOverride = queueOverride.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if let queueOverride, let error = FreeText.check(queueOverride, field: "reason") { textErrors.append(error) }
        guard textErrors.isEmpty else { throw ValidationFailure(textErrors) }
        return try await store.write(clock: clock) { tx in
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            if let expectedVersion, expectedVersion != record.state.version {
                throw VersionConflict(expected: expectedVersion, current: record)
            }
            // A migration carries its target; the engine checks it against the pinned definition.
            let definition = try await DefinitionStore.definition(record.state.definition, on: tx.store)
            if roles.contains(.applicant), [.submit, .resubmit].contains(command.name) {
                let errors = definition.form.checkSubmission(record.fields)
                if !errors.isEmpty { throw ValidationFailure(errors) }
            }
            var state = record.state
            let user = ActingUser(id: principal.userID.uuidString, roles: roles)
            let actions: [CaseAction]
            switch state.handle(command, by: user, at: tx.now, in: definition) {
            case .success(let accepted): actions = accepted
            case .failure(let refusal): throw CaseRefused(refusal: refusal)
            }
            // After the engine, so that who may tick and what the item asks for are answered first.
            if case .tick(_, let evidence) = command, evidence.contains(where: { $0.kind != .comment }) {
                let documents = try await CaseDocuments.documents(of: caseID, on: tx.store)
                let errors = EvidenceCheck.errors(
                    in: evidence, documents: Dictionary(documents.map { ($0.id, $0.kind) }) { first, _ in first },
                    protocols: try await TestSessionStore.closedSessionIDs(of: caseID, on: tx.store),
                    assessments: try await AssessmentStore.ids(of: caseID, on: tx.store))
                if !errors.isEmpty { throw ValidationFailure(errors) }
            }
            var overridden: String?
            if command == .start, let refusal = try await QueueWorkflow.startRefusal(of: record, in: tx) {
                guard queueOverride != nil else { throw CaseRefused(refusal: CaseRefusal(.queueOrder, refusal)) }
                overridden = refusal.en
            }
            try await CaseStore.save(
                state, actions: actions, caseID: caseID, expectedVersion: record.state.version, at: tx.now, in: tx)
            if case .skipInQueue(let reason) = command {
                try await QueueStore.skip(caseID, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), by: principal.userID, in: tx)
            }
            let payload = CaseAuditPayload.payload(
                command: command, actions: actions, version: state.version,
                queueOverride: overridden.flatMap { rule in queueOverride.map { ($0, rule) } })
            try await tx.audit(
                AuditEventDraft(
                    actor: principal.actor, action: .caseCommand(command.name), subject: record.subject, payload: payload))
            return record.after(state, actions: actions, at: tx.now)
        }
    }

    /// Replaces the order's fields on a draft (or a case returned for completion); applicants only.
    public static func editOrder(
        _ fields: [String: String], on caseID: UUID, by principal: Principal, expectedVersion: Int?,
        in store: Store, clock: any WallClock
    ) async throws -> CaseRecord {
        return try await store.write(clock: clock) { tx in
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            if let expectedVersion, expectedVersion != record.state.version {
                throw VersionConflict(expected: expectedVersion, current: record)
            }
            guard roles.contains(.applicant) else {
                throw CaseRefused(refusal: CaseRefusal(.missingRole, LocalizedText(
                    sv: "Endast den sökande organisationen ändrar beställningen.",
                    en: "Only the applying organisation edits the order.")))
            }
            guard record.state.status.acceptsOrderChanges else {
                throw CaseRefused(refusal: CaseRefusal(.wrongState, LocalizedText(
                    sv: "Beställningen kan bara ändras som utkast eller när den har återsänts för komplettering.",
                    en: "The order can only be changed as a draft or when it has been returned for completion.")))
            }
            let definition = try await DefinitionStore.definition(record.state.definition, on: tx.store)
            let errors = definition.form.checkDraft(fields)
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            // A blank answer is no answer; keeping it would only make noise in the trail.
            let fields = fields.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            var state = record.state
            state.recordExternalChange()
            try await CaseStore.save(
                state, actions: [], fields: fields, caseID: caseID, expectedVersion: record.state.version,
                at: tx.now, in: tx)
            let changed = Set(fields.keys).union(record.fields.keys).filter { fields[$0] != record.fields[$0] }
            try await tx.audit(
                AuditEventDraft(
                    actor: principal.actor, action: .caseEdit, subject: record.subject,
                    payload: [
                        "changed": .object(Dictionary(uniqueKeysWithValues: changed.sorted().map {
                            ($0, fields[$0].map(CanonicalJSON.string) ?? .null)
                        })),
                        "version": .int(Int64(state.version)),
                    ]))
            return record.after(state, actions: [], fields: fields, at: tx.now)
        }
    }
}
