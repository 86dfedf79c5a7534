import Domain
import Persistence
import Workflow
import Vapor

/// `/admin/users`: lists users, creates one (audited, with the same rules as `anslut user create`), and adds
/// or removes a role (audited; counts from the user's next request, since roles are read per request).
enum AdminUsersController {
    struct CreateForm: Content {
        let email: String?
        let name: String?
        let role: String?
        let platform: String?
        let organisation: String?
        let organisationName: String?
        let password: String?

        private enum CodingKeys: String, CodingKey {
            case email, name, role, platform, organisation, password
            case organisationName = "organisation_name"
        }
    }

    struct GrantForm: Content {
        /// `role` or `role:PLATFORM`, as the page's choices write it.
        let grant: String?
    }

    static func list(req: Request) async throws -> Response {
        _ = try req.requireAdmin()
        return try await page(req, form: .init()).html.response()
    }

    static func create(req: Request) async throws -> Response {
        let admin = try req.requireAdmin()
        let l = req.pageLanguage
        let sent = try req.content.decode(CreateForm.self)
        var form = AdminUsers.Model.CreateForm(
            email: sent.email ?? "", name: sent.name ?? "", role: sent.role ?? "", platform: sent.platform ?? "",
            organisation: sent.organisation ?? "", organisationName: sent.organisationName ?? "")
        let knownPlatforms = Set(try await DefinitionStore.current(on: req.store).keys)
        var errors: [FieldError] = []
        let validated = UserRegistration.validate(
            email: form.email, name: form.name, role: form.role, platform: nonEmpty(form.platform),
            organisationsnummer: nonEmpty(form.organisation), organisationName: form.organisationName,
            knownPlatforms: knownPlatforms)
        if case .failure(let failure) = validated { errors += failure.errors }
        let password = sent.password ?? ""
        if let rule = PasswordPolicy.check(password, field: "password") { errors.append(rule) }
        if errors.isEmpty, case .success(let registration) = validated {
            let hash = try await req.password.async.hash(password)
            let organisationName = nonEmpty(form.organisationName)
            do {
                _ = try await AccountWorkflow.createUser(
                    registration, passwordHash: hash, organisationName: organisationName, by: admin.actor,
                    in: req.store, clock: req.application.config.clock)
                let notice = l("Användaren \(registration.email) är skapad.", "The user \(registration.email) is created.")
                return try await page(req, form: .init(), notice: notice).html.response()
            } catch let failure as ValidationFailure {
                errors += failure.errors
            }
        }
        form.errors = byField(errors, in: l)
        return try await page(req, form: form).html.response(.unprocessableEntity)
    }

    static func addRole(req: Request) async throws -> Response {
        try await changeRole(req) { grant, userID, admin in
            try await AccountWorkflow.addRole(grant, to: userID, by: admin.actor, in: req.store, clock: req.application.config.clock)
            return LocalizedText(sv: "Rollen \(grant.title.sv) är tillagd.", en: "The role \(grant.title.en) is added.")
        }
    }

    static func removeRole(req: Request) async throws -> Response {
        try await changeRole(req) { grant, userID, admin in
            try await AccountWorkflow.removeRole(grant, from: userID, by: admin.actor, in: req.store, clock: req.application.config.clock)
            return LocalizedText(sv: "Rollen \(grant.title.sv) är borttagen.", en: "The role \(grant.title.en) is removed.")
        }
    }

    /// Reads the user and the role from the request, runs `change`, and answers the list with what happened:
    /// a notice, or the refusal next to that user's role form.
    private static func changeRole(
        _ req: Request, _ change: (RoleGrant, UUID, Principal) async throws -> LocalizedText
    ) async throws -> Response {
        let admin = try req.requireAdmin()
        let l = req.pageLanguage
        guard let userID = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let sent = try req.content.decode(GrantForm.self).grant ?? ""
        let parts = sent.split(separator: ":", maxSplits: 1).map(String.init)
        let knownPlatforms = Set(try await DefinitionStore.current(on: req.store).keys)
        do {
            let grant = try RoleGrant.validate(
                role: parts.first ?? "", platform: parts.count > 1 ? parts[1] : nil, knownPlatforms: knownPlatforms
            ).get()
            let notice = try await change(grant, userID, admin)
            return try await page(req, form: .init(), notice: notice.text(in: l)).html.response()
        } catch is AccountStore.UnknownUser {
            throw Abort(.notFound)
        } catch let failure as ValidationFailure {
            let message = failure.errors.map { $0.message.text(in: l) }.joined(separator: " ")
            return try await page(req, form: .init(), roleError: (userID, message)).html.response(.unprocessableEntity)
        }
    }

    private static func page(
        _ req: Request, form: AdminUsers.Model.CreateForm, notice: String? = nil, roleError: (UUID, String)? = nil
    ) async throws -> AdminUsers.Model {
        let l = req.pageLanguage
        let platforms = try await DefinitionStore.current(on: req.store).keys.sorted()
        let rows = try await AdminQueries.users(on: req.store).map { user in
            AdminUsers.Model.Row(
                id: user.id, email: user.email, name: user.name,
                organisation: user.organisation.map { "\($0.name) (\(AdminController.shown($0.organisationsnummer)))" },
                roles: user.grants.map { .init(value: value(of: $0), title: $0.title.text(in: l)) },
                roleError: roleError?.0 == user.id ? roleError?.1 : nil)
        }
        let grants = Role.allCases.flatMap { role in
            RoleGrant.isPlatformScoped(role)
                ? platforms.map { RoleGrant(role: role, platform: $0) } : [RoleGrant(role: role)]
        }
        return AdminUsers.Model(
            context: req.pageContext, rows: rows, form: form,
            roleChoices: Role.allCases.map { ($0.rawValue, $0.title.text(in: l)) }, platforms: platforms,
            grantChoices: grants.map { (value(of: $0), $0.title.text(in: l)) }, notice: notice)
    }

    private static func value(of grant: RoleGrant) -> String {
        grant.platform.map { "\(grant.role.rawValue):\($0)" } ?? grant.role.rawValue
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The messages by field, several for one field joined into one text.
    private static func byField(_ errors: [FieldError], in language: Domain.Language) -> [String: String] {
        var messages: [String: String] = [:]
        for error in errors {
            let text = error.message.text(in: language)
            messages[error.field] = messages[error.field].map { $0 + " " + text } ?? text
        }
        return messages
    }
}
