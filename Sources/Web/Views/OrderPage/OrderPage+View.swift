import Domain
import Plot

extension OrderPage.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            "\(title) \(number)", context,
            .p(.a(.href(SiteURL.caseShow(.value(id)).path), .text("← \(l("Ärende", "Case")) \(number)"))),
            .h1(.text("\(title) – \(number)")),
            .if(!problem.isEmpty, .div(
                .class("error"), .id("order-problem"), .attribute(named: "role", value: "alert"),
                .forEach(problem) { .p(.text($0)) }
            )),
            .unwrap(notice) { .div(.class("notice"), .id("order-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .if(!risks.isEmpty, .div(
                .class("error"), .id("order-risks"),
                .h2(.text(l("Riskflaggor", "Risk flags"))),
                .ul(.forEach(risks) { .li(.text($0)) })
            )),
            isEditable ? editableForm : readOnly
        )
    }

    private var editableForm: Node<HTML.BodyContext> {
        let l = context.language
        return .form(
            .class("order"), .method(.post), .action(SiteURL.caseOrder(.value(id)).path), .novalidate(),
            .csrf(context.csrfToken),
            .input(.type(.hidden), .name("version"), .value(String(version))),
            .forEach(sections) { section in
                .fieldset(
                    .class("section"), .id("section-\(section.id)"),
                    .element(named: "legend", nodes: [Node<HTML.BodyContext>.text(section.title)]),
                    .unwrap(section.intro) { .p(.class("meta"), .text($0)) },
                    .if(!section.attachments.isEmpty, attachmentList(section)),
                    .forEach(section.fields) { input($0) }
                )
            },
            .div(
                .class("actions"),
                .button(.type(.submit), .name("action"), .value("save"), .class("secondary"),
                        .text(l("Spara utkast", "Save draft"))),
                .button(.type(.submit), .name("action"), .value("submit"), .text(l("Skicka in", "Submit")))
            )
        )
    }

    private var readOnly: Node<HTML.BodyContext> {
        .forEach(sections) { section in
            .section(
                .h2(.text(section.title)),
                .if(!section.attachments.isEmpty, attachmentList(section)),
                .dl(.class("facts"), .forEach(section.fields) { field in
                    .group(
                        .dt(.text(field.label)),
                        .dd(
                            .id("answer-\(field.id)"), .class(field.risk == nil ? "" : "risk"),
                            .text(display(field)),
                            .unwrap(field.risk) { .strong(.text(" ⚠ \($0)")) }
                        )
                    )
                })
            )
        }
    }

    private func attachmentList<Context: HTML.BodyContext>(_ section: OrderPage.Section) -> Node<Context> {
        let l = context.language
        return .ul(.class("attachments"), .forEach(section.attachments) { attachment in
            .li(.text(attachment.title), .text(" – "), .span(
                .class(attachment.uploaded ? "ok" : "missing"),
                .text(attachment.uploaded ? l("uppladdad", "uploaded") : l("saknas", "missing"))))
        })
    }

    private func display(_ field: OrderPage.Field) -> String {
        let l = context.language
        guard !field.value.isEmpty else { return "–" }
        switch field.type {
        case .choice, .choices, .yesNo, .confirm:
            let chosen = OrderForm.Field.selection(field.value)
            return field.options.filter { chosen.contains($0.id) }.map(\.title).joined(separator: ", ")
        default:
            return field.value.isEmpty ? l("–", "–") : field.value
        }
    }

    private func input(_ field: OrderPage.Field) -> Node<HTML.FormContext> {
        let l = context.language
        let errorID = "error-\(field.id)"
        let helpID = "help-\(field.id)"
        // Plot leaves out an attribute whose value is empty.
        let described = [field.error.map { _ in errorID }, field.help.map { _ in helpID }].compactMap { $0 }
            .joined(separator: " ")
        let invalid = field.error == nil ? "" : "true"
        let notes: Node<HTML.FormContext> = .group(
            .unwrap(field.help) { .p(.class("meta"), .id(helpID), .text($0)) },
            .unwrap(field.error) { .p(.class("field-error"), .id(errorID), .text($0)) },
            .unwrap(field.saved) { .p(.class("meta saved"), .text("\(l("Sparat nu", "Saved now")): \($0)")) })
        let classes = "field" + (field.error == nil ? "" : " invalid")
        switch field.type {
        case .yesNo, .choice, .choices, .confirm:
            let multiple = field.type == .choices || field.type == .confirm
            let chosen = OrderForm.Field.selection(field.value)
            return .fieldset(
                .class(classes + " choices"), .id("field-\(field.id)"),
                .element(named: "legend", nodes: [
                    Node<HTML.BodyContext>.text(field.label),
                    .span(.class("meta"), .text(" (\(field.requirement))")),
                ]),
                notes,
                .forEach(field.options) { option in
                    let id = "\(field.inputName)-\(option.id)"
                    return .div(
                        .class("option"),
                        .input(
                            .type(multiple ? .checkbox : .radio), .name(field.inputName), .id(id),
                            .value(option.id.attributeEscaped), .checked(chosen.contains(option.id)),
                            .attribute(named: "aria-describedby", value: described),
                            .attribute(named: "aria-invalid", value: invalid)),
                        .label(.for(id), .text(option.title))
                    )
                }
            )
        case .textarea:
            return .div(
                .class(classes), .id("field-\(field.id)"),
                .label(.for(field.inputName), .text(field.label), .span(.class("meta"), .text(" (\(field.requirement))"))),
                notes,
                .textarea(
                    .name(field.inputName), .id(field.inputName), .attribute(named: "rows", value: "4"),
                    .attribute(named: "aria-describedby", value: described),
                    .attribute(named: "aria-invalid", value: invalid),
                    .text(field.value))
            )
        case .text, .email, .organisationID, .number:
            return .div(
                .class(classes), .id("field-\(field.id)"),
                .label(.for(field.inputName), .text(field.label), .span(.class("meta"), .text(" (\(field.requirement))"))),
                notes,
                .input(
                    .type(field.type == .email ? .email : .text), .name(field.inputName), .id(field.inputName),
                    .value(field.value.attributeEscaped),
                    .attribute(named: "inputmode", value: field.type == .number ? "numeric" : ""),
                    .attribute(named: "aria-describedby", value: described),
                    .attribute(named: "aria-invalid", value: invalid))
            )
        }
    }
}
