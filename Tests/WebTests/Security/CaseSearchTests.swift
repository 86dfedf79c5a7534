import Domain
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Searching cases cannot fail and finds what a person sees")
struct CaseSearchTests {
    @Test("% and _ match themselves; JSON keys match nothing; an organisationsnummer matches with its hyphen")
    func literalSearch() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            var numbers: [String: String] = [:]
            for name in ["RIS 100% Väst", "PACS_Öst", "Labb"] {
                let created = try await app.api(
                    .POST, "/api/v1/cases", as: applicant,
                    json: ["platform": "BFR", "fields": ["system_name": .string(name)]] as CanonicalJSON)
                numbers[name] = created.json["number"].stringValue
            }
            let browser = PageClient(app)
            _ = try await browser.signIn(applicant.email)
            func found(_ q: String) async throws -> Set<String> {
                let page = try await browser.get("/cases?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                #expect(page.status == .ok, "\(q)")
                return Set(numbers.filter { page.body.contains($0.value) }.keys)
            }
            #expect(try await found("%") == ["RIS 100% Väst"])
            #expect(try await found("_") == ["PACS_Öst"])
            #expect(try await found("system_name").isEmpty)
            #expect(try await found("\"").isEmpty)
            #expect(try await found("labb") == ["Labb"])
            #expect(try await found("556559-4230") == Set(numbers.keys))
            #expect(try await found("Org 556") == Set(numbers.keys))
            #expect(try await found(numbers["Labb"]!) == ["Labb"])
        }
    }

    @Test("a 60,000-character search is refused with a message, not a 500; so is a control character")
    func boundedSearch() async throws {
        try await withTestApp { app in
            let coordinator = try await Fixtures.user(app, "cora@vgregion.example", role: .coordinator, platform: "BFR")
            let browser = PageClient(app)
            _ = try await browser.signIn(coordinator.email)
            let long = try await browser.get("/cases?q=" + String(repeating: "%25a", count: 30_000))
            #expect(long.status == .unprocessableEntity)
            #expect(long.body.contains("Sökningen får vara högst 200 tecken lång."))
            #expect(long.body.contains(#"id="q-error""#))
            let control = try await browser.get("/cases?q=a%00b")
            #expect(control.status == .unprocessableEntity)
            #expect(control.body.contains("styrtecken"))
            let exact = try await browser.get("/cases?q=" + String(repeating: "x", count: 200))
            #expect(exact.status == .ok)
        }
    }
}
