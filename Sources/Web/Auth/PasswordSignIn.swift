import Persistence
import Vapor

/// Checks an e-mail address and password for the sign-in page and the token endpoint alike, so both share one
/// throttle count per account and per client address (``LoginThrottle``): a locked account is locked on both.
enum PasswordSignIn {
    enum Outcome {
        case signedIn(AccountStore.Account)
        /// Wrong e-mail address or password; the throttle counted it and imposes no wait yet.
        case wrong
        /// The account or the address must wait this many seconds before it may try again.
        case mustWait(seconds: Int)
    }

    /// Verified in place of a real hash when the e-mail address is unknown, so that an unknown address takes
    /// as long as a wrong password for a known one and the time of the answer does not tell which addresses
    /// have accounts. Made with the same hasher and cost as every user's hash; `anslut serve` makes it before
    /// it listens.
    static let standInHash: String = (try? Bcrypt.hash(SecretToken.random())) ?? ""

    static func check(email: String, password: String, req: Request) async throws -> Outcome {
        let email = email.trimmingCharacters(in: .whitespaces)
        let address = req.clientAddress
        let keys = [LoginThrottle.account(email), LoginThrottle.address(address)]
        let clock = req.application.config.clock
        // Checked before the password, so a waiting key learns nothing from its guesses.
        if let wait = try await LoginThrottle.secondsToWait(keys, now: clock.now(), on: req.store) {
            return .mustWait(seconds: wait)
        }
        let user = try await AccountStore.user(email: email, on: req.store)
        let matches = try await req.password.async.verify(password, created: user?.passwordHash ?? standInHash)
        guard let user, matches else {
            req.logger.notice("Sign-in failed", metadata: ["address": "\(address)"])
            let wait = try await req.store.write(clock: clock) { tx in try await LoginThrottle.recordFailure(keys, in: tx) }
            return wait.map { .mustWait(seconds: $0) } ?? .wrong
        }
        try await req.store.write(clock: clock) { tx in try await LoginThrottle.clear(keys[0], in: tx) }
        return .signedIn(user)
    }
}
