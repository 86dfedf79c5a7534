import Domain
import Yams

// Kept apart from the walk over the definition's structure so that file reads like the format it reads.
extension DefinitionReader {
    struct Fields {
        let node: Node
        let mapping: Node.Mapping
    }

    mutating func fields(of node: Node, at path: DefinitionPath, keys: [String]) -> Fields? {
        record(path, node)
        guard let mapping = node.mapping else {
            report("wrong-type", at: node, LocalizedText(
                sv: "Här väntas en mappning med nycklarna \(keys.joined(separator: ", ")).",
                en: "A mapping with the keys \(keys.joined(separator: ", ")) is expected here."
            ))
            return nil
        }
        for key in mapping.keys {
            let name = key.scalar?.string ?? "?"
            if !keys.contains(name) {
                report("unknown-field", at: key, LocalizedText(
                    sv: "Okänt fält \"\(name)\"; här gäller \(keys.joined(separator: ", ")).",
                    en: "Unknown field \"\(name)\"; the fields here are \(keys.joined(separator: ", "))."
                ))
            }
        }
        // Unknown keys are reported but do not stop the walk, so the rest of the mapping is checked too.
        return Fields(node: node, mapping: mapping)
    }

    mutating func required(_ fields: Fields, _ key: String) -> Node? {
        guard let node = fields.mapping[key] else {
            report("missing-field", at: fields.node, LocalizedText(
                sv: "Fältet \"\(key)\" saknas.",
                en: "The field \"\(key)\" is missing."
            ))
            return nil
        }
        return node
    }

    mutating func text(_ fields: Fields, at path: DefinitionPath) -> LocalizedText? {
        let sv = required(fields, "sv").flatMap { string($0, at: path.appending("sv")) }
        let en = required(fields, "en").flatMap { string($0, at: path.appending("en")) }
        if let node = fields.mapping["sv"] { record(path, node) }
        guard let sv, let en else { return nil }
        return LocalizedText(sv: sv, en: en)
    }

    mutating func list<Element>(
        _ node: Node,
        at path: DefinitionPath,
        element: (inout DefinitionReader, Node, DefinitionPath) -> Element?
    ) -> [Element]? {
        record(path, node)
        guard let sequence = node.sequence else {
            report("wrong-type", at: node, LocalizedText(sv: "Här väntas en lista.", en: "A list is expected here."))
            return nil
        }
        var elements: [Element] = []
        var isSound = true
        for (index, child) in sequence.enumerated() {
            let childPath = path.appending(index: index)
            record(childPath, child)
            if let value = element(&self, child, childPath) {
                elements.append(value)
            } else {
                isSound = false
            }
        }
        return isSound ? elements : nil
    }

    mutating func string(_ node: Node, at path: DefinitionPath) -> String? {
        record(path, node)
        guard let scalar = node.scalar else {
            report("wrong-type", at: node, LocalizedText(sv: "Här väntas en text.", en: "A text is expected here."))
            return nil
        }
        return scalar.string
    }

    mutating func integer(_ node: Node, at path: DefinitionPath) -> Int? {
        record(path, node)
        guard let value = node.int else {
            report("wrong-type", at: node, LocalizedText(sv: "Här väntas ett heltal.", en: "A whole number is expected here."))
            return nil
        }
        return value
    }

    mutating func boolean(_ node: Node, at path: DefinitionPath) -> Bool? {
        record(path, node)
        guard let value = node.bool else {
            report("wrong-type", at: node, LocalizedText(sv: "Här väntas true eller false.", en: "true or false is expected here."))
            return nil
        }
        return value
    }

    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ node: Node,
        at path: DefinitionPath,
        as type: Value.Type,
        code: String,
        noun: LocalizedText
    ) -> Value? where Value.RawValue == String {
        guard let name = string(node, at: path) else { return nil }
        guard let value = Value(rawValue: name) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            report(code, at: node, LocalizedText(
                sv: "Okänd \(noun.sv) \"\(name)\"; kända är \(known).",
                en: "Unknown \(noun.en) \"\(name)\"; known ones are \(known)."
            ))
            return nil
        }
        return value
    }

    mutating func record(_ path: DefinitionPath, _ node: Node) {
        if let position = FilePosition(node.mark) {
            positions[path] = position
        }
    }

    mutating func report(_ code: String, at node: Node, _ message: LocalizedText) {
        let position = FilePosition(node.mark) ?? .start
        problems.append(ProcessFileProblem(
            file: file, line: position.line, column: position.column, code: code, message: message
        ))
    }
}
