import Domain
import Persistence
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Signing in to the pages")
struct SignInTests {
    @Test("a person signs in with e-mail and password, gets an HttpOnly SameSite=Lax cookie, and signs out")
    func signInAndOut() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let browser = PageClient(app)
            let signedIn = try await browser.signIn("Anna@Vardgivare.example")
            #expect(signedIn.status == .seeOther)
            let cookie = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix("anslut_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            #expect(try await browser.get("/").headers.first(name: .location) == "/cases")
            #expect(try await browser.get("/cases").status == .ok)

            #expect(try await browser.post("/logout", [:]).status == .seeOther)
            let after = try await browser.get("/cases")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location) == "/login?next=/cases")
        }
    }

    @Test("X-Forwarded-Proto from a peer that is no trusted proxy makes no cookie Secure")
    func forwardedProtoNotBelieved() async throws {
        // The trusted case needs a real peer address: SecurityOverSocketTests shows it on the built server.
        try await withTestApp(adjust: { $0.trustedProxies = try! .parse("127.0.0.1") }) { app in
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let browser = PageClient(app)
            browser.headers.add(name: "X-Forwarded-Proto", value: "https")
            let cookie = try await browser.signIn("anna@vardgivare.example").headers[.setCookie]
                .first { $0.hasPrefix("anslut_session=") }
            #expect(cookie?.contains("Secure") == false)
        }
    }

    @Test("a wrong password says so; five failures are free, the sixth makes the account wait, even with the right password")
    func throttling() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let browser = PageClient(app)
            for attempt in 1...5 {
                let wrong = try await browser.signIn("anna@vardgivare.example", password: "fel lösenord \(attempt)")
                #expect(wrong.status == .unauthorized)
                #expect(wrong.body.contains("Fel e-postadress eller lösenord."))
                #expect(wrong.body.contains(#"value="anna@vardgivare.example""#))
            }
            let sixth = try await browser.signIn("anna@vardgivare.example", password: "fel")
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.headers.first(name: .retryAfter) == "30")
            #expect(sixth.body.contains("Försök igen om 30 sekunder."))
            let right = try await browser.signIn("anna@vardgivare.example")
            #expect(right.status == .tooManyRequests)
            #expect(right.body.contains("Försök igen om"))
            #expect(right.headers[.setCookie].allSatisfy { !$0.hasPrefix("anslut_session=") })
        }
    }

    @Test("the wait grows: five failures free, 30 seconds after the sixth, twice that after each further one, at most an hour")
    func waitGrows() {
        #expect(LoginThrottle.wait(afterFailures: 5) == nil)
        #expect(LoginThrottle.wait(afterFailures: 6) == 30)
        #expect(LoginThrottle.wait(afterFailures: 7) == 60)
        #expect(LoginThrottle.wait(afterFailures: 9) == 240)
        #expect(LoginThrottle.wait(afterFailures: 40) == 3600)
    }

    @Test("a post without the form token, or with another's, is refused with a 403 page")
    func formTokenRequired() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let browser = PageClient(app)
            let noToken = try await browser.post(
                "/login", ["email": "anna@vardgivare.example", "password": TestUsers.password], withToken: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.contains("<html lang=\"sv\">"))
            #expect(noToken.headers.contentType == .html)

            _ = try await browser.signIn("anna@vardgivare.example")
            let stranger = PageClient(app)
            let strangerToken = try #require(try await stranger.get("/login").csrf)
            #expect(try await browser.post("/logout", [:], csrf: strangerToken).status == .forbidden)
            #expect(try await browser.post("/logout", [:], withToken: false).status == .forbidden)
            #expect(try await browser.get("/cases").status == .ok)
        }
    }

    @Test("changing the password needs the current one, and signs the other sessions out")
    func passwordChange() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let laptop = PageClient(app)
            let phone = PageClient(app)
            _ = try await laptop.signIn("anna@vardgivare.example")
            _ = try await phone.signIn("anna@vardgivare.example")
            let wrong = try await laptop.post("/password", ["current": "gissning", "new": "kort", "repeat": "annat"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("Det nuvarande lösenordet stämmer inte."))
            #expect(wrong.body.contains("De två nya lösenorden är olika."))
            let new = "ett nytt långt lösenord"
            let changed = try await laptop.post("/password", ["current": TestUsers.password, "new": new, "repeat": new])
            #expect(changed.status == .ok)
            #expect(try await laptop.get("/cases").status == .ok)
            #expect(try await phone.get("/cases").status == .seeOther)
            #expect(try await PageClient(app).signIn("anna@vardgivare.example", password: new).status == .seeOther)
        }
    }

    @Test("the API keeps bearer tokens only: a page session cookie does not sign in an API call")
    func apiIgnoresCookies() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let browser = PageClient(app)
            _ = try await browser.signIn("anna@vardgivare.example")
            let api = try await browser.get("/api/v1/cases")
            #expect(api.status == .unauthorized)
            #expect(api.headers.contentType == APIProblemMediaType.value)
        }
    }
}

private enum APIProblemMediaType {
    static let value = HTTPMediaType(type: "application", subType: "problem+json")
}
