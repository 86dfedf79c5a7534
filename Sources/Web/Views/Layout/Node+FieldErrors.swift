import Plot

/// Fields that show what is wrong with them: the message sits between the label and the input, is tied to
/// the input by `aria-describedby`, and the input is marked invalid, so a screen reader reads it on focus.
/// Without an error both attributes have no value, and Plot leaves them out.
extension Node where Context == HTML.FormContext {
    static func field(
        _ label: String, name: String, id: String, type: HTMLInputType = .text, value: String = "",
        required: Bool = false, autocomplete: String? = nil, error: String?
    ) -> Node {
        .div(
            .class("field"),
            .label(.for(id), .text(label)),
            fieldError(error, id: id),
            .input(
                .type(type), .name(name), .id(id), .value(value.attributeEscaped), .required(required),
                .unwrap(autocomplete) { .attribute(named: "autocomplete", value: $0) },
                Attribute(name: "aria-invalid", value: error.map { _ in "true" }),
                Attribute(name: "aria-describedby", value: error.map { _ in "\(id)-error" }))
        )
    }

    /// A labelled choice of `choices` (value, title), `selected` preselected.
    static func choiceField(
        _ label: String, name: String, id: String, choices: [(value: String, title: String)], selected: String?,
        error: String?
    ) -> Node {
        .div(
            .class("field"),
            .label(.for(id), .text(label)),
            fieldError(error, id: id),
            .select(
                .attribute(named: "name", value: name), .id(id),
                .attribute(named: "aria-invalid", value: error.map { _ in "true" }),
                .attribute(named: "aria-describedby", value: error.map { _ in "\(id)-error" }),
                .forEach(choices) { .choice($0.value, $0.title, selected: $0.value == selected) })
        )
    }

    /// A labelled multi-line text, `rows` high.
    static func textField(_ label: String, name: String, id: String, value: String, rows: Int, error: String?) -> Node {
        .div(
            .class("field"),
            .label(.for(id), .text(label)),
            fieldError(error, id: id),
            .textarea(
                .name(name), .id(id), .attribute(named: "rows", value: String(rows)),
                .attribute(named: "aria-invalid", value: error.map { _ in "true" }),
                .attribute(named: "aria-describedby", value: error.map { _ in "\(id)-error" }),
                .text(value))
        )
    }

    private static func fieldError(_ error: String?, id: String) -> Node {
        .unwrap(error) { .p(.class("field-error"), .id("\(id)-error"), .text($0)) }
    }
}
