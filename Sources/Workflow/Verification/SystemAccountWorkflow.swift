import Domain
import Foundation
import Persistence

/// Verification accounts on a case: registered and paused, resumed or revoked by the platform's technicians, each
/// change checked by ``SystemAccountRules`` and stored with its audit event under the case.
public enum SystemAccountWorkflow {
    /// What a registration gives.
    public struct Registration: Sendable {
        public let hl7SendingApplication: String
        public let hl7SendingFacility: String
        public let sourceAddresses: [String]
        /// The calling AE titles of its DICOM associations; empty if it sends no DICOM.
        public let dicomAETitles: [String]

        public init(
            hl7SendingApplication: String, hl7SendingFacility: String, sourceAddresses: [String], dicomAETitles: [String] = []
        ) {
            self.hl7SendingApplication = hl7SendingApplication
            self.hl7SendingFacility = hl7SendingFacility
            self.sourceAddresses = sourceAddresses
            self.dicomAETitles = dicomAETitles
        }
    }

    /// Registers an active verification account on the case.
    public static func register(
        _ registration: Registration, on caseID: UUID, by principal: Principal, in store: Store, clock: any WallClock
    ) async throws -> SystemAccount {
        let errors = SystemAccountRules.errors(
            application: registration.hl7SendingApplication, facility: registration.hl7SendingFacility,
            aeTitles: registration.dicomAETitles, sourceAddresses: registration.sourceAddresses)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await store.write(clock: clock) { tx in
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            let definition = try await DefinitionStore.definition(record.state.definition, on: tx.store)
            if let refusal = SystemAccountRules.refusal(
                holding: roles, registering: true, status: record.state.status,
                phaseTakesTraffic: definition.phases.first { $0.id == record.state.currentPhase }?.takesVerificationTraffic ?? false)
            {
                throw CaseRefused(refusal: refusal)
            }
            let account = SystemAccount(
                id: UUID(), caseID: caseID, environment: .verification,
                hl7SendingApplication: registration.hl7SendingApplication,
                hl7SendingFacility: registration.hl7SendingFacility, sourceAddresses: registration.sourceAddresses,
                status: .active, version: 1, dicomAETitles: SystemAccountRules.normalised(aeTitles: registration.dicomAETitles))
            do {
                try await SystemAccountStore.insert(account, in: tx)
            } catch let taken as SystemAccountStore.AETitleTaken {
                throw ValidationFailure([takenError(taken)])
            } catch is SystemAccountStore.SenderTaken {
                throw ValidationFailure([FieldError(
                    field: "hl7SendingApplication", code: "sender-taken",
                    message: LocalizedText(
                        sv: "Avsändaren \(account.hl7SendingApplication)^\(account.hl7SendingFacility) har redan ett konto.",
                        en: "The sender \(account.hl7SendingApplication)^\(account.hl7SendingFacility) already has an account."))])
            }
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .accountRegister, subject: record.subject,
                payload: [
                    "account": .string(account.id.uuidString), "environment": .string(account.environment.rawValue),
                    "hl7SendingApplication": .string(account.hl7SendingApplication),
                    "hl7SendingFacility": .string(account.hl7SendingFacility),
                    "sourceAddresses": .array(account.sourceAddresses.map(CanonicalJSON.string)),
                    "dicomAETitles": .array(account.dicomAETitles.map(CanonicalJSON.string)),
                ]))
            return account
        }
    }

    /// Pauses, resumes or revokes an account, if it is still at `expectedVersion`; takes effect for the next
    /// message received.
    public static func setStatus(
        _ status: SystemAccount.Status, of accountID: UUID, on caseID: UUID, expectedVersion: Int, reason: String?,
        by principal: Principal, in store: Store, clock: any WallClock
    ) async throws -> SystemAccount {
        try await store.write(clock: clock) { tx in
            let (record, account) = try await managedAccount(accountID, on: caseID, by: principal, in: tx)
            guard SystemAccountRules.mayChange(from: account.status, to: status) else {
                throw CaseRefused(refusal: CaseRefusal(.wrongState, LocalizedText(
                    sv: "Kontot är \(account.status.title.sv) och kan inte bli \(status.title.sv).",
                    en: "The account is \(account.status.title.en) and cannot become \(status.title.en).")))
            }
            let changed = try await SystemAccountStore.setStatus(accountID, to: status, expectedVersion: expectedVersion, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .accountStatusChange, subject: record.subject,
                payload: [
                    "account": .string(accountID.uuidString), "from": .string(account.status.rawValue),
                    "to": .string(status.rawValue), "reason": reason.map(CanonicalJSON.string) ?? .null,
                ]))
            return changed
        }
    }

    /// Replaces the calling AE titles of an account that is not revoked, if it is still at `expectedVersion`: a
    /// modality joins or leaves the fleet without a new account and its sessions. Takes effect for the next association.
    public static func setAETitles(
        _ titles: [String], of accountID: UUID, on caseID: UUID, expectedVersion: Int, by principal: Principal,
        in store: Store, clock: any WallClock
    ) async throws -> SystemAccount {
        try await store.write(clock: clock) { tx in
            let (record, account) = try await managedAccount(accountID, on: caseID, by: principal, in: tx)
            if let refusal = SystemAccountRules.aeTitlesRefusal(status: account.status) { throw CaseRefused(refusal: refusal) }
            let errors = SystemAccountRules.errors(
                application: account.hl7SendingApplication, facility: account.hl7SendingFacility, aeTitles: titles,
                sourceAddresses: [])
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            let changed: SystemAccount
            do {
                changed = try await SystemAccountStore.setAETitles(
                    SystemAccountRules.normalised(aeTitles: titles), of: accountID, expectedVersion: expectedVersion, in: tx)
            } catch let taken as SystemAccountStore.AETitleTaken {
                throw ValidationFailure([takenError(taken)])
            }
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .accountAETitlesChange, subject: record.subject,
                payload: [
                    "account": .string(accountID.uuidString),
                    "from": .array(account.dicomAETitles.map(CanonicalJSON.string)),
                    "to": .array(changed.dicomAETitles.map(CanonicalJSON.string)),
                ]))
            return changed
        }
    }

    /// The case and the account of it that `principal` changes, once the rule says they may: whatever the case's
    /// state, since a pause must always be possible.
    private static func managedAccount(
        _ accountID: UUID, on caseID: UUID, by principal: Principal, in tx: WriteTransaction
    ) async throws -> (CaseRecord, SystemAccount) {
        let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
        guard let account = try await SystemAccountStore.account(accountID, on: tx.store), account.caseID == caseID else {
            throw CaseNotFound()
        }
        if let refusal = SystemAccountRules.refusal(
            holding: roles, registering: false, status: record.state.status, phaseTakesTraffic: true)
        {
            throw CaseRefused(refusal: refusal)
        }
        return (record, account)
    }

    /// A title another account that is not revoked holds, at its place in the list.
    private static func takenError(_ taken: SystemAccountStore.AETitleTaken) -> FieldError {
        FieldError(
            field: "dicomAETitles/\(taken.index)", code: "ae-title-taken",
            message: LocalizedText(
                sv: "AE-titeln \(taken.title) hör redan till ett annat konto som inte är återkallat.",
                en: "The AE title \(taken.title) already belongs to another account that is not revoked."))
    }
}
