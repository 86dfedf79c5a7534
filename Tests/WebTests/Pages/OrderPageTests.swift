import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor

/// The order form as people use it: a draft saved half done, errors at their fields, submission, two people
/// on one draft, and what staff see.
@Suite("Order form pages")
struct OrderPageTests {
    /// A signed-in applicant of organisation 5565594230 with a new BFR draft, and its id.
    private static func draft(_ app: Application) async throws -> (anna: PageClient, id: String) {
        _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
        let anna = PageClient(app)
        _ = try await anna.signIn("anna@vardgivare.example")
        let new = try await anna.get("/cases/new")
        #expect(new.status == .ok && new.body.contains(#"value="BFR""#))
        let created = try await anna.post("/cases/new", ["platform": "BFR"])
        #expect(created.status == .seeOther, "\(created.body)")
        let location = try #require(created.headers.first(name: .location))
        let id = try #require(location.firstMatch(of: /\/cases\/([0-9a-f-]+)\/order/)?.1)
        return (anna, String(id))
    }

    private static func version(_ page: PageClient.Page) throws -> String {
        String(try #require(page.body.firstMatch(of: /name="version" value="(\d+)"/)?.1))
    }

    /// The complete order as form inputs.
    private static func complete(_ overrides: [String: String] = [:]) throws -> [String: String] {
        var form: [String: String] = [:]
        for (id, value) in try OrderAnswers.complete(platform: "BFR", overriding: overrides) {
            form["f_\(id)"] = value.split(separator: ",").first.map(String.init) ?? value
        }
        return form
    }

    @Test("a wrong organisationsnummer is named at its field; corrected, the order is submitted and numbered")
    func fillFixSubmit() async throws {
        try await withTestApp { app in
            let (anna, id) = try await Self.draft(app)
            let form = try await anna.get("/cases/\(id)/order")
            #expect(form.status == .ok)
            #expect(form.body.contains(#"<label for="f_organisation_id">"#), "every input has its label")
            #expect(form.body.contains("Finns det idag möjlighet att skriva in personnummer/reservnummer manuellt"))

            var fields = ["f_organisation_id": "556559-4231", "f_system_name": "RIS Väst"]
            fields["version"] = try Self.version(form)
            fields["action"] = "save"
            let wrong = try await anna.post("/cases/\(id)/order", fields)
            #expect(wrong.status == .unprocessableEntity)
            let error = try #require(wrong.body.firstMatch(of: /id="error-organisation_id">([^<]+)</)?.1)
            #expect(error.contains("Organisationsnumret är ogiltigt") && error.contains("Kontrollsiffran"))
            #expect(wrong.body.contains(#"aria-describedby="error-organisation_id help-organisation_id" aria-invalid="true""#))
            #expect(wrong.body.contains(#"value="RIS Väst""#), "what was typed is kept")

            fields["f_organisation_id"] = "556559-4230"
            let saved = try await anna.post("/cases/\(id)/order", fields)
            #expect(saved.status == .seeOther)
            let reloaded = try await anna.get("/cases/\(id)/order?saved=1")
            #expect(reloaded.body.contains("Utkastet är sparat") && reloaded.body.contains(#"value="556559-4230""#))

            var submit = ["version": try Self.version(reloaded), "action": "submit", "f_system_name": "RIS Väst",
                          "f_organisation_id": "556559-4230"]
            let incomplete = try await anna.post("/cases/\(id)/order", submit)
            #expect(incomplete.status == .unprocessableEntity)
            #expect(incomplete.body.contains(#"id="error-purpose""#) && incomplete.body.contains(#"id="error-confidentiality_affirmed""#))
            #expect(incomplete.body.contains("Utkastet är sparat, men beställningen kan inte skickas in"))

            submit = try Self.complete()
            submit["version"] = try Self.version(incomplete)
            submit["action"] = "submit"
            let sent = try await anna.post("/cases/\(id)/order", submit)
            #expect(sent.status == .seeOther, "\(sent.body)")
            let casePage = try await anna.get(try #require(sent.headers.first(name: .location)))
            #expect(casePage.body.contains("Beställningen är inskickad") && casePage.body.contains("BFR-20"))
            #expect(casePage.body.contains("inskickat") || casePage.body.contains("Inskickat"), "\(casePage.body.prefix(0))")
            let readOnly = try await anna.get("/cases/\(id)/order")
            #expect(!readOnly.body.contains(#"name="f_system_name""#), "a submitted order is no longer a form")
        }
    }

    @Test("two people editing the same draft: the later save is refused with a message and nothing is lost")
    func twoEditors() async throws {
        try await withTestApp { app in
            let (anna, id) = try await Self.draft(app)
            _ = try await Fixtures.user(app, "arne@vardgivare.example", role: .applicant, organisation: "5565594230")
            let arne = PageClient(app)
            _ = try await arne.signIn("arne@vardgivare.example")
            let annasView = try await anna.get("/cases/\(id)/order")
            let arnesView = try await arne.get("/cases/\(id)/order")
            let first = try await anna.post("/cases/\(id)/order", [
                "version": try Self.version(annasView), "action": "save", "f_system_name": "Annas namn"])
            #expect(first.status == .seeOther)
            let second = try await arne.post("/cases/\(id)/order", [
                "version": try Self.version(arnesView), "action": "save", "f_system_name": "Arnes namn"])
            #expect(second.status == .conflict)
            #expect(second.body.contains("Någon annan har sparat beställningen"))
            #expect(second.body.contains(#"value="Arnes namn""#), "the refused answers are still in the form")
            #expect(second.body.contains("Sparat nu: Annas namn"), "and the saved one is shown beside")
            let stored = try await anna.get("/cases/\(id)/order")
            #expect(stored.body.contains(#"value="Annas namn""#))
        }
    }

    @Test("staff see the order read-only with its risk flags; script is shown as text; others get 404")
    func staffViewAndAccess() async throws {
        try await withTestApp { app in
            let (anna, id) = try await Self.draft(app)
            var submit = try Self.complete(["manual_pnr_entry": "ja", "test_environment": "nej", "other_local": "<script>alert(1)</script>"])
            submit["version"] = try Self.version(try await anna.get("/cases/\(id)/order"))
            submit["action"] = "submit"
            #expect(try await anna.post("/cases/\(id)/order", submit).status == .seeOther)

            _ = try await Fixtures.user(app, "cora@vgregion.example", role: .coordinator, platform: "BFR")
            let cora = PageClient(app)
            _ = try await cora.signIn("cora@vgregion.example")
            let order = try await cora.get("/cases/\(id)/order")
            #expect(order.status == .ok)
            #expect(order.body.contains(#"id="order-risks""#) && order.body.contains("utan formatkontroll"))
            #expect(order.body.contains("&lt;script&gt;") && !order.body.contains("<script>alert"))
            let casePage = try await cora.get("/cases/\(id)")
            #expect(casePage.body.contains(#"id="case-risks""#) && casePage.body.contains("saknar testmiljö"))
            let refused = try await cora.post("/cases/\(id)/order", ["version": "1", "action": "save", "f_system_name": "x"])
            #expect(refused.status == .conflict || refused.status == .forbidden, "staff do not edit the order")

            _ = try await Fixtures.user(app, "bo@privatklinik.example", role: .applicant, organisation: "5566778899")
            let bo = PageClient(app)
            _ = try await bo.signIn("bo@privatklinik.example")
            #expect(try await bo.get("/cases/\(id)/order").status == .notFound)
            #expect(try await bo.post("/cases/\(id)/order", ["version": "1", "action": "save"]).status == .notFound)
            #expect(try await cora.get("/cases/new").status == .notFound, "only applicants start cases")
        }
    }

    @Test("TakeCare's request is the same page from its own process file, in English on request")
    func takeCareRequestInEnglish() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.user(app, "bo@privatklinik.example", role: .applicant, organisation: "5566778899")
            let bo = PageClient(app)
            _ = try await bo.signIn("bo@privatklinik.example")
            let created = try await bo.post("/cases/new", ["platform": "TAKECARE"])
            let path = try #require(created.headers.first(name: .location))
            #expect(path.hasSuffix("/order"))
            _ = try await bo.post("/language", ["language": "en", "return": path])
            let form = try await bo.get(path)
            #expect(form.body.contains(#"<html lang="en">"#))
            for label in ["Legal requirement (0 or 4)", "Patient safety (0–4)", "Business value (0–4)",
                          "Increased information security (0–4)", "I am authorised to sign the request"] {
                #expect(form.body.contains(label), "\(label)")
            }
            let refused = try await bo.post(path, [
                "version": try Self.version(form), "action": "submit", "f_signer_email": "inte en adress"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("The e-mail address is not valid"))
            #expect(refused.body.contains("Nothing is saved: correct the errors below."))
        }
    }
}
