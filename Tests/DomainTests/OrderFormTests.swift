import Domain
import Testing

/// The order form's rules, on a small form with one field of every kind.
@Suite("Order form rules")
struct OrderFormTests {
    static let form = OrderForm(sections: [
        OrderForm.Section(id: "a", title: LocalizedText(sv: "A", en: "A"), fields: [
            .init(id: "name", label: LocalizedText(sv: "Namn", en: "Name"), type: .text, isRequired: true),
            .init(id: "org", label: LocalizedText(sv: "Organisationsnummer/HSA-id", en: "Organisationsnummer/HSA-id"),
                  type: .organisationID, isRequired: true),
            .init(id: "mail", label: LocalizedText(sv: "E-post", en: "E-mail"), type: .email, isRequired: false),
            .init(id: "users", label: LocalizedText(sv: "Antal", en: "Count"), type: .number, isRequired: false),
            .init(id: "pu", label: LocalizedText(sv: "PU", en: "PU"), type: .yesNo, isRequired: true),
            .init(id: "pu_name", label: LocalizedText(sv: "Vilken PU", en: "Which PU"), type: .text, isRequired: false,
                  requiredWhen: .init(field: "pu", equals: "ja")),
            .init(id: "manual", label: LocalizedText(sv: "Manuellt", en: "Manual"), type: .yesNo, isRequired: true,
                  risk: .init(when: "ja", text: LocalizedText(sv: "Risk", en: "Risk"))),
            .init(id: "kinds", label: LocalizedText(sv: "Typ", en: "Kind"), type: .choices, isRequired: true,
                  options: [.init(id: "dicom", label: LocalizedText(sv: "DICOM", en: "DICOM")),
                            .init(id: "hl7", label: LocalizedText(sv: "HL7", en: "HL7"))]),
            .init(id: "ok", label: LocalizedText(sv: "Jag intygar", en: "I affirm"), type: .confirm, isRequired: true),
        ]),
    ])

    static let valid = ["name": "RIS", "org": "556559-4230", "pu": "nej", "manual": "nej", "kinds": "dicom,hl7", "ok": "ja"]

    private func codes(_ errors: [FieldError]) -> [String: String] {
        Dictionary(errors.map { ($0.field, $0.code) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("a complete order passes; a draft may be saved half done")
    func validOrder() {
        #expect(Self.form.checkSubmission(Self.valid).isEmpty)
        #expect(Self.form.checkDraft(["name": "RIS"]).isEmpty)
    }

    @Test("a wrong check digit is named at its field, with the rule, in Swedish and English")
    func wrongCheckDigit() throws {
        let errors = Self.form.checkDraft(["org": "556559-4231"])
        let error = try #require(errors.first)
        #expect(error.field == "fields.org" && error.code == "wrong-check-digit")
        #expect(error.message.sv.contains("Organisationsnumret är ogiltigt") && error.message.sv.contains("Kontrollsiffran"))
        #expect(error.message.en.contains("check digit"))
        #expect(Self.form.checkDraft(["org": "SE2321000131-E000000000001"]).isEmpty, "an HSA-id is accepted too")
        #expect(codes(Self.form.checkDraft(["org": "SE2321000131"])) != [:], "so is its rule")
    }

    @Test("every answer is checked against its type")
    func types() {
        let errors = codes(Self.form.checkDraft([
            "mail": "inte-en-adress", "users": "många", "pu": "kanske", "kinds": "dicom,fax", "ok": "nej", "extra": "x",
        ]))
        #expect(errors == [
            "fields.mail": "invalid-email", "fields.users": "not-a-number", "fields.pu": "unknown-option",
            "fields.kinds": "unknown-option", "fields.ok": "unknown-option", "fields.extra": "unknown-field",
        ])
    }

    @Test("submission lists every missing answer, conditions and affirmations included")
    func missing() {
        var answers = Self.valid
        answers["pu"] = "ja"
        answers["ok"] = nil
        answers["name"] = "   "
        #expect(codes(Self.form.checkSubmission(answers)) == [
            "fields.name": "required", "fields.pu_name": "required", "fields.ok": "not-confirmed",
        ])
    }

    @Test("a risky answer is flagged")
    func risks() {
        #expect(Self.form.risks(Self.valid).isEmpty)
        var answers = Self.valid
        answers["manual"] = "ja"
        #expect(Self.form.risks(answers).map(\.field.id) == ["manual"])
    }

    @Test("a definition's form is validated: ids, options, conditions and attachment kinds")
    func formValidation() {
        let broken = OrderForm(sections: [
            OrderForm.Section(id: "a", title: LocalizedText(sv: "A", en: "A"), fields: [
                .init(id: "Bad-Id", label: LocalizedText(sv: "X", en: "X"), type: .text, isRequired: true),
                .init(id: "dup", label: LocalizedText(sv: "X", en: "X"), type: .text, isRequired: true),
                .init(id: "dup", label: LocalizedText(sv: "X", en: "X"), type: .choice, isRequired: true),
                .init(id: "cond", label: LocalizedText(sv: "X", en: "X"), type: .text, isRequired: false,
                      requiredWhen: .init(field: "nothing", equals: "ja"),
                      risk: .init(when: "ja", text: LocalizedText(sv: "R", en: "R"))),
            ], attachments: ["screenshot", "selfie"]),
        ])
        let found = Set(broken.validate(at: DefinitionPath()).map(\.code))
        #expect(found == [.invalidFieldID, .duplicateField, .fieldOptions, .fieldCondition, .unknownAttachment])
        #expect(Self.form.validate(at: DefinitionPath()).isEmpty)
    }
}
