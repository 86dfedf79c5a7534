import Domain
import Foundation
import Persistence
import Workflow
import Vapor

/// `anslut user …`: accounts from the command line, for the first admin and for machine clients.
struct UserCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["create": UserCreateCommand(), "token": UserTokenCommand()] }
    var help: String { "Create users and issue API tokens." }
}

/// `anslut user create --email E --role R [--organisation ORGNR] [--platform CODE] [--name N]`
///
/// Reads the password from the first line of standard input when that is not a terminal (for scripts),
/// and asks for it twice when it is. An organisationsnummer not yet known registers the organisation.
struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The user's e-mail address (their sign-in name).") var email: String?
        @Option(name: "role", help: "applicant, coordinator, security_reviewer, technician, decision_maker or admin.")
        var role: String?
        @Option(name: "organisation", help: "Organisationsnummer of an applicant's organisation.") var organisation: String?
        @Option(name: "organisation-name", help: "Name of the organisation when it is new.") var organisationName: String?
        @Option(name: "platform", help: "Platform code for platform roles: BFR or TAKECARE.") var platform: String?
        @Option(name: "name", help: "The user's full name.") var name: String?
        init() {}
    }

    var help: String { "Creates a user with one role; the password comes from standard input." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareStorage()
        let platforms = Set(try await DefinitionStore.current(on: app.store).keys)
        let registration: UserRegistration
        switch UserRegistration.validate(
            email: signature.email ?? "", name: signature.name, role: signature.role ?? "",
            platform: signature.platform, organisationsnummer: signature.organisation,
            organisationName: signature.organisationName, knownPlatforms: platforms)
        {
        case .success(let valid): registration = valid
        case .failure(let failure): throw CommandExit(status: 2, message: Self.lines(failure.errors))
        }
        let password = try Self.readPassword(context)
        if let error = PasswordPolicy.check(password) { throw CommandExit(status: 2, message: Self.lines([error])) }
        let hash = try await app.password.async.hash(password)
        do {
            let id = try await AccountWorkflow.createUser(
                registration, passwordHash: hash, organisationName: signature.organisationName,
                by: .commandLine(operator: nil), in: app.store, clock: app.config.clock)
            context.console.print("Created \(registration.grant.role.rawValue) \(registration.email) (\(id))")
        } catch let failure as ValidationFailure {
            throw CommandExit(status: 1, message: Self.lines(failure.errors))
        }
    }

    private static func readPassword(_ context: CommandContext) throws -> String {
        if isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandExit(status: 2, message: "No password on standard input (its first line).")
            }
            return line
        }
        let first = context.console.ask("Password:".consoleText(), isSecure: true)
        let second = context.console.ask("Password again:".consoleText(), isSecure: true)
        guard first == second else { throw CommandExit(status: 2, message: "The two passwords differ.") }
        return first
    }

    static func lines(_ errors: [FieldError]) -> String {
        errors.map { "\($0.field): \($0.message.en) / \($0.message.sv)" }.joined(separator: "\n       ")
    }
}

/// `anslut user token --email E`: prints a new bearer token, alone, on standard output.
/// `anslut user token --revoke-all --email E`: revokes every token of the user and says how many.
struct UserTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The user's e-mail address.") var email: String?
        @Option(name: "hours", help: "How long the token lasts (default 12).") var hours: Int?
        @Flag(name: "revoke-all", help: "Revoke every bearer token of the user instead of issuing one.")
        var revokeAll: Bool
        init() {}
    }

    var help: String { "Prints a bearer token for the user, for machine clients, or revokes all of theirs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareStorage()
        guard let user = try await AccountStore.user(email: signature.email ?? "", on: app.store) else {
            throw CommandExit(status: 1, message: "No user with the e-mail address \(signature.email ?? "(none given)").")
        }
        let userID = user.id
        if signature.revokeAll {
            let count = try await AccountWorkflow.revokeAllTokens(
                of: userID, reason: .operatorRequest, by: .commandLine(operator: nil), in: app.store, clock: app.config.clock)
            FileHandle.standardOutput.write(Data("Revoked \(count) token(s) of \(user.email).\n".utf8))
            return
        }
        let hours = signature.hours ?? 12
        guard (1...24 * 365).contains(hours) else {
            throw CommandExit(status: 2, message: "--hours must be between 1 and 8760.")
        }
        let issued = try await AccountWorkflow.issueToken(
            for: userID, lifetime: TimeInterval(hours) * 3600, by: .commandLine(operator: nil), in: app.store,
            clock: app.config.clock)
        FileHandle.standardOutput.write(Data((issued.token + "\n").utf8))
    }
}
