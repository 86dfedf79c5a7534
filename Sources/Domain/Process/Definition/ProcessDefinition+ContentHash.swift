import Crypto
import Foundation

extension ProcessDefinition {
    /// The definition in its canonical JSON form: the bytes that ``contentHash`` is taken over.
    ///
    /// The shape is the same as the `Codable` form, so `JSONDecoder` reads these bytes back into an equal
    /// definition and the encoding can double as the stored form of a published version:
    ///
    /// ```
    /// {"id":…,"phases":[{"gate":{"decision_role":…,"decisions":[…]},"id":…,
    ///   "sections":[{"id":…,"items":[{"evidence":[…],"id":…,"kind":…,"owner":…,"required":…,
    ///   "text":{"en":…,"sv":…}}],"title":{"en":…,"sv":…}}],"title":{…}}],"platform":…,"title":{…},"version":…}
    /// ```
    ///
    /// Arrays keep the order of the file (order is meaning: phases are walked in it), except `evidence`,
    /// which is a set and is written sorted. Defaults are written out, so leaving `required: true` out of a
    /// file or writing it gives the same hash. The bytes are those of ``CanonicalJSON`` (the audit trail's
    /// encoding: keys sorted by UTF-8 bytes, no white space, minimal escapes, which for these values is the
    /// RFC 8785 form), with every string first put in Unicode Normalization Form C.
    public func canonicalEncoding() -> Data {
        Data(canonicalJSON.encoded.utf8)
    }

    /// Lower-case hexadecimal SHA-256 of ``canonicalEncoding()``. Computed on every call; cache it if hot.
    public var contentHash: String {
        HexDigits.encode(SHA256.hash(data: canonicalEncoding()))
    }

    /// The id, version and content hash that a case pins.
    public var reference: DefinitionReference {
        DefinitionReference(id: id, version: version, contentHash: contentHash)
    }

    private var canonicalJSON: CanonicalJSON {
        var members: [String: CanonicalJSON] = [
            "id": Self.string(id.rawValue),
            "platform": Self.string(platform),
            "version": .int(Int64(version)),
            "title": Self.canonical(title),
            "phases": .array(phases.map { phase in
                var members: [String: CanonicalJSON] = [
                    "id": Self.string(phase.id.rawValue),
                    "title": Self.canonical(phase.title),
                    "gate": .object([
                        "decision_role": Self.string(phase.gate.decisionRole.rawValue),
                        "decisions": .array(phase.gate.decisions.map { Self.string($0.rawValue) }),
                    ]),
                    "sections": .array(phase.sections.map { section in
                        .object([
                            "id": Self.string(section.id.rawValue),
                            "title": Self.canonical(section.title),
                            "items": .array(section.items.map(Self.canonical)),
                        ])
                    }),
                ]
                // Left out when false, so that versions published before the marker existed keep their hash.
                if phase.takesVerificationTraffic { members["verification"] = .bool(true) }
                return .object(members)
            }),
        ]
        // Left out when empty, so that versions published before forms existed keep their hash.
        if !form.sections.isEmpty { members["form"] = Self.canonical(form) }
        return .object(members)
    }

    /// The form as its `Codable` form writes it (absent optionals left out), strings in NFC.
    private static func canonical(_ form: OrderForm) -> CanonicalJSON {
        guard let data = try? JSONEncoder().encode(form),
              let value = try? JSONDecoder().decode(CanonicalJSON.self, from: data)
        else { preconditionFailure("An order form always encodes: it holds only strings, booleans and arrays.") }
        return normalized(value)
    }

    private static func normalized(_ value: CanonicalJSON) -> CanonicalJSON {
        switch value {
        case .string(let text): string(text)
        case .array(let values): .array(values.map(normalized))
        // Keys are the form's coding keys, plain ASCII.
        case .object(let members): .object(members.mapValues(normalized))
        case .null, .bool, .int: value
        }
    }

    private static func canonical(_ item: Item) -> CanonicalJSON {
        var members: [String: CanonicalJSON] = [
            "id": string(item.id.rawValue),
            "text": canonical(item.text),
            "kind": string(item.kind.rawValue),
            "owner": string(item.owner.rawValue),
            "required": .bool(item.isRequired),
            "evidence": .array(item.evidence.sorted().map { string($0.rawValue) }),
        ]
        // Left out when empty, so that versions published before `also` existed keep their hash.
        if !item.also.isEmpty { members["also"] = .array(item.also.map(\.rawValue).sorted().map(string)) }
        return .object(members)
    }

    private static func canonical(_ text: LocalizedText) -> CanonicalJSON {
        .object(["sv": string(text.sv), "en": string(text.en)])
    }

    /// Swift's String equality is canonical equivalence, so two definitions that compare equal must not
    /// hash differently just because one file spelled "å" as "a" plus a combining ring.
    private static func string(_ text: String) -> CanonicalJSON {
        .string(text.precomposedStringWithCanonicalMapping)
    }
}
