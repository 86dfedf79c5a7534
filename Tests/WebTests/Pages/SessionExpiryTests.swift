import Domain
import Foundation
import TestSupport
import Testing
import Vapor

/// Sessions run out after 8 hours without a request and 12 hours after sign-in, whatever the activity;
/// the server's clock is pinned, so the test moves time instead of waiting.
@Suite("Session expiry")
struct SessionExpiryTests {
    private static let start = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("idle for more than 8 hours: signed out; a request in between keeps the session alive")
    func idle() async throws {
        let clock = FixedClock(Self.start)
        try await withTestApp(adjust: { $0.clock = clock }) { app in
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let browser = PageClient(app)
            #expect(try await browser.signIn("anna@vardgivare.example").status == .seeOther)
            clock.advance(by: 6 * 3600)
            #expect(try await browser.get("/cases").status == .ok, "6 h idle is inside")
            clock.advance(by: 5 * 3600)
            #expect(try await browser.get("/cases").status == .ok, "11 h after sign-in, but only 5 h idle")

            let other = PageClient(app)
            _ = try await other.signIn("anna@vardgivare.example")
            clock.advance(by: 8 * 3600 + 60)
            let expired = try await other.get("/cases")
            #expect(expired.status == .seeOther)
            #expect(expired.headers.first(name: .location) == "/login?next=/cases")
        }
    }

    @Test("12 hours after sign-in the session ends even when used all the time")
    func absolute() async throws {
        let clock = FixedClock(Self.start)
        try await withTestApp(adjust: { $0.clock = clock }) { app in
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let browser = PageClient(app)
            _ = try await browser.signIn("anna@vardgivare.example")
            for _ in 0..<5 {
                clock.advance(by: 2 * 3600)
                #expect(try await browser.get("/cases").status == .ok)
            }
            clock.advance(by: 2 * 3600 + 60)
            #expect(try await browser.get("/cases").status == .seeOther, "12 h 1 min after sign-in")
            #expect(try await browser.signIn("anna@vardgivare.example").status == .seeOther, "signing in again works")
            #expect(try await browser.get("/cases").status == .ok)
        }
    }
}
