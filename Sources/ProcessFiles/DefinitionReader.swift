import Domain
import Yams

/// Builds a ``ProcessDefinition`` from a composed YAML node tree.
///
/// It collects every problem with the file's shape instead of stopping at the first, and remembers the
/// position of every value it reads under the value's ``DefinitionPath``, so the definition's own
/// validation problems can be reported at a line too.
struct DefinitionReader {
    let file: String
    /// Every problem found so far, in reading order.
    var problems: [ProcessFileProblem] = []
    /// Where each value was read, by the path it has in the definition.
    var positions: [DefinitionPath: FilePosition] = [:]

    init(file: String) {
        self.file = file
    }

    /// Where the value at the path, or failing that its closest ancestor, was read.
    func position(nearest path: DefinitionPath) -> FilePosition? {
        var current: DefinitionPath? = path
        while let candidate = current {
            if let position = positions[candidate] { return position }
            current = candidate.parent
        }
        return nil
    }

    /// The definition, or `nil` when the file's shape has problems (see ``problems``).
    mutating func read(_ root: Node) -> ProcessDefinition? {
        let path = DefinitionPath()
        guard let fields = fields(of: root, at: path, keys: ["id", "platform", "version", "sv", "en", "phases", "form"])
        else {
            return nil
        }
        let id = required(fields, "id").flatMap { string($0, at: path.appending("id")) }
        let platform = required(fields, "platform").flatMap { string($0, at: path.appending("platform")) }
        let version = required(fields, "version").flatMap { integer($0, at: path.appending("version")) }
        let title = text(fields, at: path.appending("title"))
        let phases = required(fields, "phases").flatMap { node in
            list(node, at: path.appending("phases")) { reader, node, path in reader.phase(node, at: path) }
        }
        let form: OrderForm? = fields.mapping["form"].map { node in
            list(node, at: path.appending("form").appending("sections")) { reader, node, path in
                reader.formSection(node, at: path)
            }.map(OrderForm.init(sections:))
        } ?? .empty
        guard let id, let platform, let version, let title, let phases, let form else { return nil }
        return ProcessDefinition(
            id: .init(id), platform: platform, version: version, title: title, phases: phases, form: form)
    }

    private mutating func phase(_ node: Node, at path: DefinitionPath) -> ProcessDefinition.Phase? {
        guard let fields = fields(of: node, at: path, keys: ["id", "sv", "en", "gate", "sections", "verification"]) else {
            return nil
        }
        let id = required(fields, "id").flatMap { string($0, at: path.appending("id")) }
        let title = text(fields, at: path.appending("title"))
        // A present but broken gate must stay nil rather than fall back to the default.
        let gate: GateRule? = fields.mapping["gate"].map { self.gate($0, at: path.appending("gate")) } ?? GateRule()
        let sections = required(fields, "sections").flatMap { node in
            list(node, at: path.appending("sections")) { reader, node, path in reader.section(node, at: path) }
        }
        let verification: Bool? = fields.mapping["verification"].map { boolean($0, at: path.appending("verification")) } ?? false
        guard let id, let title, let gate, let sections, let verification else { return nil }
        return ProcessDefinition.Phase(
            id: .init(id), title: title, gate: gate, sections: sections, takesVerificationTraffic: verification)
    }

    private mutating func gate(_ node: Node, at path: DefinitionPath) -> GateRule? {
        guard let fields = fields(of: node, at: path, keys: ["decision_role", "decisions"]) else { return nil }
        let role: Role? = fields.mapping["decision_role"].map { node in
            self.role(node, at: path.appending("decision_role"))
        } ?? .decisionMaker
        let decisions: [String]? = fields.mapping["decisions"].map { node in
            list(node, at: path.appending("decisions")) { reader, node, path in reader.string(node, at: path) }
        } ?? []
        guard let role, let decisions else { return nil }
        return GateRule(decisionRole: role, decisions: decisions.map { ItemID($0) })
    }

    private mutating func section(_ node: Node, at path: DefinitionPath) -> ProcessDefinition.Section? {
        guard let fields = fields(of: node, at: path, keys: ["id", "sv", "en", "items"]) else { return nil }
        let id = required(fields, "id").flatMap { string($0, at: path.appending("id")) }
        let title = text(fields, at: path.appending("title"))
        let items = required(fields, "items").flatMap { node in
            list(node, at: path.appending("items")) { reader, node, path in reader.item(node, at: path) }
        }
        guard let id, let title, let items else { return nil }
        return ProcessDefinition.Section(id: .init(id), title: title, items: items)
    }

    private mutating func item(_ node: Node, at path: DefinitionPath) -> ProcessDefinition.Item? {
        let keys = ["id", "sv", "en", "kind", "owner", "required", "evidence", "also"]
        guard let fields = fields(of: node, at: path, keys: keys) else { return nil }
        let id = required(fields, "id").flatMap { string($0, at: path.appending("id")) }
        let text = self.text(fields, at: path.appending("text"))
        let kind = required(fields, "kind").flatMap { node in
            enumeration(node, at: path.appending("kind"), as: ItemKind.self, code: "unknown-kind",
                        noun: LocalizedText(sv: "punkttyp", en: "item kind"))
        }
        let owner = required(fields, "owner").flatMap { role($0, at: path.appending("owner")) }
        let isRequired: Bool? = fields.mapping["required"].map { boolean($0, at: path.appending("required")) } ?? true
        let evidence: Set<EvidenceKind>? = fields.mapping["evidence"].map { self.evidence($0, at: path.appending("evidence")) } ?? []
        let also: [Role]? = fields.mapping["also"].map { node in
            list(node, at: path.appending("also")) { reader, node, path in reader.role(node, at: path) }
        } ?? []
        guard let id, let text, let kind, let owner, let isRequired, let evidence, let also else { return nil }
        return ProcessDefinition.Item(
            id: .init(id), text: text, kind: kind, owner: owner, isRequired: isRequired, evidence: evidence,
            also: Set(also)
        )
    }

    private mutating func evidence(_ node: Node, at path: DefinitionPath) -> Set<EvidenceKind>? {
        var kinds: Set<EvidenceKind> = []
        let entries = list(node, at: path) { reader, node, path -> EvidenceKind? in
            guard let kind = reader.enumeration(node, at: path, as: EvidenceKind.self, code: "unknown-evidence",
                                                noun: LocalizedText(sv: "underlagstyp", en: "evidence kind"))
            else { return nil }
            if !kinds.insert(kind).inserted {
                reader.report("duplicate-evidence", at: node, LocalizedText(
                    sv: "Underlagstypen \(kind.rawValue) anges mer än en gång.",
                    en: "The evidence kind \(kind.rawValue) is listed more than once."
                ))
            }
            return kind
        }
        return entries.map(Set.init)
    }

    mutating func role(_ node: Node, at path: DefinitionPath) -> Role? {
        enumeration(node, at: path, as: Role.self, code: "unknown-role", noun: LocalizedText(sv: "roll", en: "role"))
    }
}
