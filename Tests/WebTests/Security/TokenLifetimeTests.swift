import Domain
import Foundation
@_spi(Tests) import Persistence
import SQLKit
import TestSupport
import Testing
import Workflow
import Vapor

@Suite("Bearer tokens end when the trust behind them does")
struct TokenLifetimeTests {
    @Test("a password change revokes every token of the user; others' tokens keep working")
    func passwordChange() async throws {
        try await withTestApp { app in
            let anna = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let other = try await Fixtures.user(app, "olle@vardgivare.example", role: .applicant, organisation: "5565594230")
            let second = try await app.api(
                .POST, "/api/v1/auth/token", json: ["email": .string(anna.email), "password": .string(TestUsers.password)] as CanonicalJSON)
            let secondToken = TestUser(id: anna.id, email: anna.email, token: try #require(second.json["token"].stringValue))
            #expect(try await app.api(.GET, "/api/v1/cases", as: secondToken).status == .ok)

            let browser = PageClient(app)
            _ = try await browser.signIn(anna.email)
            let new = "ett helt nytt lösenord"
            let changed = try await browser.post("/password", ["current": TestUsers.password, "new": new, "repeat": new])
            #expect(changed.status == .ok)
            #expect(changed.body.contains("API-token"))
            for token in [anna, secondToken] {
                #expect(try await app.api(.GET, "/api/v1/cases", as: token).status == .unauthorized)
            }
            #expect(try await app.api(.GET, "/api/v1/cases", as: other).status == .ok)
            let events = try await AuditLog.events(about: "user:\(anna.id)", on: app.store)
            let revocation = try #require(events.first { $0.action == "user.token.revoke_all" })
            #expect(revocation.payload == #"{"count":2,"reason":"password-change"}"#)
        }
    }

    @Test("removing a user's last role revokes their tokens; removing one of two does not")
    func lastRole() async throws {
        try await withTestApp { app in
            let admin = try await Fixtures.user(app, "adam@vgregion.example", role: .admin)
            let tess = try await Fixtures.user(app, "tess@vgregion.example", role: .technician, platform: "BFR")
            try await AccountWorkflow.addRole(
                RoleGrant(role: .coordinator, platform: "BFR"), to: tess.id, by: .commandLine(operator: nil), in: app.store,
                clock: app.config.clock)
            let browser = PageClient(app)
            _ = try await browser.signIn(admin.email)
            #expect(try await browser.post("/admin/users/\(tess.id)/roles/remove", ["grant": "technician:BFR"]).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/cases", as: tess).status == .ok)
            #expect(try await browser.post("/admin/users/\(tess.id)/roles/remove", ["grant": "coordinator:BFR"]).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/cases", as: tess).status == .unauthorized)
            let events = try await AuditLog.events(about: "user:\(tess.id)", on: app.store)
            #expect(events.last?.action == "user.token.revoke_all")
            #expect(events.last?.payload == #"{"count":1,"reason":"last-role-removed"}"#)
            #expect(events.last?.actor == "user:\(admin.id)")
        }
    }

    @Test("the password page lists one's own tokens with created, expires and last used, and revokes one")
    func listAndRevoke() async throws {
        try await withTestApp { app in
            let anna = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let kept = try await Fixtures.user(app, "olle@vardgivare.example", role: .applicant, organisation: "5565594230")
            let browser = PageClient(app)
            _ = try await browser.signIn(anna.email)
            let unused = try await browser.get("/password")
            #expect(unused.body.contains(#"id="tokens""#))
            #expect(unused.body.contains("aldrig"))

            #expect(try await app.api(.GET, "/api/v1/cases", as: anna).status == .ok)
            let used = try await browser.get("/password")
            #expect(!used.body.contains("aldrig"))
            let tokenID = try #require(try await AccountStore.tokens(of: anna.id, now: Date(), on: app.store).first?.id)
            #expect(used.body.contains("/password/tokens/\(tokenID.uuidString.lowercased())/revoke"))

            // Another user's token id answers 404 and stays valid.
            let foreignID = try #require(try await AccountStore.tokens(of: kept.id, now: Date(), on: app.store).first?.id)
            #expect(try await browser.post("/password/tokens/\(foreignID)/revoke", [:]).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/cases", as: kept).status == .ok)

            let revoked = try await browser.post("/password/tokens/\(tokenID)/revoke", [:])
            #expect(revoked.status == .seeOther)
            #expect(revoked.headers.first(name: .location) == "/password?revoked=1")
            let after = try await browser.get("/password?revoked=1")
            #expect(after.body.contains("Token är återkallad."))
            #expect(after.body.contains(#"id="no-tokens""#))
            #expect(try await app.api(.GET, "/api/v1/cases", as: anna).status == .unauthorized)
            let events = try await AuditLog.events(about: "user:\(anna.id)", on: app.store)
            #expect(events.last?.action == "user.token.revoke")
            #expect(events.last?.payload == #"{"token":"\#(tokenID.uuidString)"}"#)
        }
    }

    @Test("an unknown e-mail address takes as long as a wrong password for a known one (within 20%, median pair)")
    func noEnumerationByTiming() async throws {
        try await withTestApp { app in
            // A user whose hash has the cost every real user's has (the fixtures' cheap hash would not tell).
            let hash = try await app.password.async.hash("ett långt lösenord")
            let registration = try UserRegistration.validate(
                email: "known@vgregion.example", name: nil, role: "admin", platform: nil, organisationsnummer: nil,
                knownPlatforms: []).get()
            _ = try await AccountWorkflow.createUser(
                registration, passwordHash: hash, organisationName: nil, by: .commandLine(operator: nil), in: app.store,
                clock: app.config.clock)
            func attempt(_ email: String) async throws -> Double {
                let start = ContinuousClock.now
                let answer = try await app.api(
                    .POST, "/api/v1/auth/token", json: ["email": .string(email), "password": "fel lösenord"] as CanonicalJSON)
                let elapsed = ContinuousClock.now - start
                #expect(answer.status == .unauthorized)
                // The throttle is not what is measured here.
                try await app.store.sql.raw("DELETE FROM login_throttles").run()
                return Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
            }
            _ = try await attempt("warm-up@example.org")
            // Rounds of four tries back to back (known, unknown, unknown, known), each side's faster try kept: the
            // tests running beside this one load the two cores in bursts, and a burst only ever slows a try down.
            // Compared by the median round.
            var known: [Double] = []
            var unknown: [Double] = []
            for round in 0..<8 {
                let k1 = try await attempt("known@vgregion.example")
                let u1 = try await attempt("unknown\(round)a@vgregion.example")
                let u2 = try await attempt("unknown\(round)b@vgregion.example")
                let k2 = try await attempt("known@vgregion.example")
                known.append(min(k1, k2))
                unknown.append(min(u1, u2))
            }
            let ratios = zip(known, unknown).map { $0 / $1 }.sorted()
            let median = (ratios[3] + ratios[4]) / 2
            #expect(abs(1 - median) < 0.2, "known \(known), unknown \(unknown)")
            #expect(known.sorted()[4] > 0.05 && unknown.sorted()[4] > 0.05, "both verify a real Bcrypt hash")
        }
    }
}
