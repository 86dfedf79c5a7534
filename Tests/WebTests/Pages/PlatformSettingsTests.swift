import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor

@Suite("Platform settings on the admin pages")
struct PlatformSettingsTests {
    @Test("platforms are rows made from the process files; an admin edits name, contact and settings, audited with a history")
    func editSettings() async throws {
        try await withTestApp { app in
            let admin = try await Fixtures.user(app, "adam@vgregion.example", role: .admin)
            let platforms = try await PlatformStore.all(on: app.store)
            #expect(platforms.map(\.code) == ["BFR", "TAKECARE"])
            let browser = PageClient(app)
            _ = try await browser.signIn(admin.email)
            let page = try await browser.get("/admin/platforms/bfr")
            #expect(page.status == .ok)
            #expect(page.body.contains("skapade plattformen"))

            let saved = try await browser.post("/admin/platforms/bfr", [
                "name": "Bild- och funktionsregistret", "contact": "bfr@vgregion.example",
                "settings": #"{"queueCapacity": 12}"#, "version": "1",
            ])
            #expect(saved.status == .ok)
            #expect(saved.body.contains("Inställningarna är sparade."))
            let stored = try #require(try await PlatformStore.platform("BFR", on: app.store))
            #expect(stored.settings.name == "Bild- och funktionsregistret")
            #expect(stored.settings.contactEmail?.value == "bfr@vgregion.example")
            #expect(stored.settings.document == ["queueCapacity": .int(12)])
            #expect(stored.version == 2)
            let events = try await AuditLog.events(about: "platform:BFR", on: app.store)
            #expect(events.map(\.action) == ["platform.create", "platform.settings.change"])
            #expect(events.last?.actor == "user:\(admin.id)")
            #expect(saved.body.contains("ändrade inställningarna"))
        }
    }

    @Test("a bad setting is refused at its field, a stale page keeps the input, and only admins see the page")
    func refusals() async throws {
        try await withTestApp { app in
            let admin = try await Fixtures.user(app, "adam@vgregion.example", role: .admin)
            let coordinator = try await Fixtures.user(app, "cora@vgregion.example", role: .coordinator, platform: "BFR")
            let browser = PageClient(app)
            _ = try await browser.signIn(admin.email)
            for (fields, message) in [
                (["name": "BFR", "contact": "", "settings": #"{"queueCapacty": 3}"#, "version": "1"], "Okänd inställning"),
                (["name": "BFR", "contact": "", "settings": #"{"queueCapacity": 0}"#, "version": "1"], "queueCapacity ska vara"),
                (["name": "BFR", "contact": "", "settings": #"{"queueCapacity": 3,}"#, "version": "1"], "ett JSON-objekt"),
                (["name": "BFR", "contact": "inte en adress", "settings": "{}", "version": "1"], "E-postadressen är inte giltig"),
                (["name": " ", "contact": "", "settings": "{}", "version": "1"], "Namnet måste anges"),
            ] {
                let refused = try await browser.post("/admin/platforms/bfr", fields)
                #expect(refused.status == .unprocessableEntity, "\(fields)")
                #expect(refused.body.contains(message), "\(fields)")
            }
            #expect(try await PlatformStore.platform("BFR", on: app.store)?.version == 1)

            _ = try await browser.post("/admin/platforms/bfr", ["name": "Först", "contact": "", "settings": "{}", "version": "1"])
            let stale = try await browser.post("/admin/platforms/bfr", ["name": "Sedan", "contact": "", "settings": "{}", "version": "1"])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("Någon annan har ändrat inställningarna"))
            #expect(stale.body.contains(#"value="Sedan""#))
            #expect(try await PlatformStore.platform("BFR", on: app.store)?.settings.name == "Först")

            let other = PageClient(app)
            _ = try await other.signIn(coordinator.email)
            #expect(try await other.get("/admin/platforms/bfr").status == .notFound)
        }
    }
}
