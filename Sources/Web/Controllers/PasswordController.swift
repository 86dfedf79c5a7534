import Domain
import Persistence
import Vapor

/// Changing one's own password: the current one first, the new one twice, at least the policy's length.
enum PasswordController {
    struct ChangeForm: Content {
        let current: String?
        let new: String?
        let `repeat`: String?
    }

    static func form(req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        return Password.Model(context: req.pageContext, errors: [], changed: false).html.response()
    }

    static func change(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        guard let session = req.pageSession else { throw PageRefusal.signInRequired }
        let form = try req.content.decode(ChangeForm.self)
        let l = req.pageLanguage
        var errors: [String] = []
        let user = try await UserModel.find(principal.userID, on: req.db)
        // Bcrypt is slow on purpose: the async form runs it off the event loop.
        var currentValid = false
        if let user { currentValid = try await req.password.async.verify(form.current ?? "", created: user.passwordHash) }
        if !currentValid {
            errors.append(l("Det nuvarande lösenordet stämmer inte.", "The current password is wrong."))
        }
        let new = form.new ?? ""
        if let rule = PasswordPolicy.check(new, field: "new") { errors.append(rule.message.text(in: l)) }
        if new != form.repeat {
            errors.append(l("De två nya lösenorden är olika.", "The two new passwords differ."))
        }
        guard errors.isEmpty else {
            return Password.Model(context: req.pageContext, errors: errors, changed: false).html.response(.unprocessableEntity)
        }
        let hash = try await req.password.async.hash(new)
        try await req.db.write { tx in try await WebSessions.changePassword(of: session, passwordHash: hash, in: tx) }
        return Password.Model(context: req.pageContext, errors: [], changed: true).html.response()
    }
}
