import Domain
import Yams

// The order form of a definition (`form:`): sections of fields, see Processes/README.md.
extension DefinitionReader {
    mutating func formSection(_ node: Node, at path: DefinitionPath) -> OrderForm.Section? {
        guard let fields = fields(of: node, at: path, keys: ["id", "sv", "en", "intro", "attachments", "fields"]) else {
            return nil
        }
        let id = required(fields, "id").flatMap { string($0, at: path.appending("id")) }
        let title = text(fields, at: path.appending("title"))
        let intro: LocalizedText?? = fields.mapping["intro"].map { nestedText($0, at: path.appending("intro")) }
        let attachments: [String]? = fields.mapping["attachments"].map { node in
            list(node, at: path.appending("attachments")) { reader, node, path in reader.string(node, at: path) }
        } ?? []
        let formFields = required(fields, "fields").flatMap { node in
            list(node, at: path.appending("fields")) { reader, node, path in reader.formField(node, at: path) }
        }
        guard let id, let title, let attachments, let formFields, intro != .some(nil) else { return nil }
        return OrderForm.Section(id: id, title: title, intro: intro ?? nil, fields: formFields, attachments: attachments)
    }

    private mutating func formField(_ node: Node, at path: DefinitionPath) -> OrderForm.Field? {
        let keys = ["id", "sv", "en", "help", "type", "required", "required_when", "options", "risk"]
        guard let fields = fields(of: node, at: path, keys: keys) else { return nil }
        let id = required(fields, "id").flatMap { string($0, at: path.appending("id")) }
        let label = text(fields, at: path.appending("label"))
        let help: LocalizedText?? = fields.mapping["help"].map { nestedText($0, at: path.appending("help")) }
        let type = required(fields, "type").flatMap { node in
            enumeration(node, at: path.appending("type"), as: OrderForm.FieldType.self, code: "unknown-type",
                        noun: LocalizedText(sv: "fälttyp", en: "field type"))
        }
        let isRequired: Bool? = fields.mapping["required"].map { boolean($0, at: path.appending("required")) } ?? true
        let condition: OrderForm.Condition?? = fields.mapping["required_when"].map { node in
            guard let condition = self.fields(of: node, at: path.appending("required_when"), keys: ["field", "equals"]),
                  let field = required(condition, "field").flatMap({ string($0, at: path.appending("required_when").appending("field")) }),
                  let equals = required(condition, "equals").flatMap({ string($0, at: path.appending("required_when").appending("equals")) })
            else { return nil }
            return OrderForm.Condition(field: field, equals: equals)
        }
        let options: [OrderForm.Option]? = fields.mapping["options"].map { node in
            list(node, at: path.appending("options")) { reader, node, path in
                guard let option = reader.fields(of: node, at: path, keys: ["id", "sv", "en"]),
                      let id = reader.required(option, "id").flatMap({ reader.string($0, at: path.appending("id")) }),
                      let label = reader.text(option, at: path.appending("label"))
                else { return nil }
                return OrderForm.Option(id: id, label: label)
            }
        } ?? []
        let risk: OrderForm.Risk?? = fields.mapping["risk"].map { node in
            guard let risk = self.fields(of: node, at: path.appending("risk"), keys: ["when", "sv", "en"]),
                  let when = required(risk, "when").flatMap({ string($0, at: path.appending("risk").appending("when")) }),
                  let text = text(risk, at: path.appending("risk").appending("text"))
            else { return nil }
            return OrderForm.Risk(when: when, text: text)
        }
        guard let id, let label, let type, let isRequired, let options,
              help != .some(nil), condition != .some(nil), risk != .some(nil)
        else { return nil }
        return OrderForm.Field(
            id: id, label: label, help: help ?? nil, type: type, isRequired: isRequired,
            requiredWhen: condition ?? nil, options: options, risk: risk ?? nil)
    }

    /// A text given as its own mapping `{sv: …, en: …}`.
    private mutating func nestedText(_ node: Node, at path: DefinitionPath) -> LocalizedText? {
        guard let fields = fields(of: node, at: path, keys: ["sv", "en"]) else { return nil }
        return text(fields, at: path)
    }
}
