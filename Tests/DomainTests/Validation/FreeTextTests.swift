import Domain
import Testing

@Suite("Free text refuses control characters")
struct FreeTextTests {
    @Test("tab, line feed, carriage return and ordinary text pass", arguments: [
        "", "RIS Väst", "rad ett\nrad två", "a\tb", "Windows\r\nrad", "emoji 🩻 och å ä ö", "\u{85}\u{2028}",
    ])
    func allowed(_ text: String) {
        #expect(FreeText.check(text, field: "text") == nil)
    }

    @Test("every other C0 control character and DEL is refused at its field, with its code point", arguments:
        (0x00..<0x20).filter { ![0x09, 0x0A, 0x0D].contains($0) } + [0x7F])
    func refused(_ value: Int) throws {
        let scalar = Unicode.Scalar(UInt8(value))
        let error = try #require(FreeText.check("ab\(Character(scalar))c", field: "fields.system_name"))
        #expect(error.field == "fields.system_name")
        #expect(error.code == "control-character")
        let hex = String(value, radix: 16, uppercase: true)
        #expect(error.message.en.contains("U+" + String(repeating: "0", count: 4 - hex.count) + hex))
        #expect(error.message.en.contains("character 3"))
        #expect(error.message.sv.contains("styrtecken"))
    }

    @Test("a command's reasons and evidence are checked under the names the API uses")
    func commandText() {
        let tick = CaseCommand.tick("del2.x", evidence: [Evidence(.comment, "ok"), Evidence(.comment, "a\u{0}b")])
        #expect(tick.freeTextErrors.map(\.field) == ["evidence/1/reference"])
        #expect(CaseCommand.reject(reason: "nej\u{1B}[31m").freeTextErrors.map(\.field) == ["reason"])
        #expect(CaseCommand.withdraw(reason: nil).freeTextErrors.isEmpty)
        #expect(CaseCommand.putOnHold(reason: "väntar på\nleverantör").freeTextErrors.isEmpty)
    }

    @Test("an order answer with a control character is refused on every save; a user's name too")
    func orderAndNames() throws {
        let form = OrderForm(sections: [
            OrderForm.Section(id: "s", title: .init(sv: "S", en: "S"), fields: [
                OrderForm.Field(id: "system_name", label: .init(sv: "System", en: "System"), type: .text, isRequired: true),
            ]),
        ])
        #expect(form.checkDraft(["system_name": "RIS\u{0}"]).map(\.code) == ["control-character"])
        #expect(form.checkDraft(["system_name": "RIS\nVäst"]).isEmpty)
        guard case .failure(let failure) = UserRegistration.validate(
            email: "a@b.se", name: "Anna\u{7}", role: "admin", platform: nil, organisationsnummer: nil,
            organisationName: "Org\u{0}", knownPlatforms: [])
        else { Issue.record("a name with a control character was accepted"); return }
        #expect(Set(failure.errors.map(\.field)) == ["name", "organisation_name"])
    }

    @Test("a search is at most 200 characters, without control characters; % and _ are kept as typed")
    func search() throws {
        #expect(try SearchText.parse("  ") == nil)
        #expect(try SearchText.parse(" 100%_klart ")?.text == "100%_klart")
        #expect(try SearchText.parse(String(repeating: "å", count: 200))?.text.count == 200)
        #expect(throws: ValidationFailure.self) { try SearchText.parse(String(repeating: "a", count: 201)) }
        #expect(throws: ValidationFailure.self) { try SearchText.parse("a\u{0}") }
        do {
            _ = try SearchText.parse(String(repeating: "x", count: 60_000))
        } catch {
            #expect(error.errors.map(\.code) == ["too-long"])
            #expect(error.errors.first?.field == "q")
        }
    }
}
