extension ProcessDefinition {
    /// One line of a checklist: something to confirm, deliver, fill in or decide.
    public struct Item: Sendable, Hashable, Codable, Identifiable {
        /// Unique within the definition and stable across versions; case state is keyed by it.
        public var id: ItemID
        /// What the item asks, in Swedish (as worded by the platform) and English.
        public var text: LocalizedText
        /// What kind of work the item is; decisions follow their own rules.
        public var kind: ItemKind
        /// The role responsible for the item; for a decision item it must be the gate's decision role. Who
        /// else may work it is ``SeparationOfDuties``' rule.
        public var owner: Role
        /// Further roles the process file lets work the item (`also: [coordinator]`); never on a decision
        /// item nor on the security reviewer's or the technician's, which are theirs alone.
        public var also: Set<Role>
        /// Whether the phase's gate waits for this item (done, or not applicable with a reason).
        public var isRequired: Bool
        /// The evidence that must accompany a tick; empty when a plain tick is enough.
        public var evidence: Set<EvidenceKind>

        /// Builds an item; by default a required check with no evidence.
        public init(
            id: ItemID,
            text: LocalizedText,
            kind: ItemKind = .check,
            owner: Role,
            isRequired: Bool = true,
            evidence: Set<EvidenceKind> = [],
            also: Set<Role> = []
        ) {
            self.id = id
            self.text = text
            self.kind = kind
            self.owner = owner
            self.isRequired = isRequired
            self.evidence = evidence
            self.also = also
        }

        private enum CodingKeys: String, CodingKey {
            case id, text, kind, owner, evidence, also
            case isRequired = "required"
        }

        // `also` is left out of the stored form when empty (as in the content hash), so it is optional here.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(ItemID.self, forKey: .id)
            text = try container.decode(LocalizedText.self, forKey: .text)
            kind = try container.decode(ItemKind.self, forKey: .kind)
            owner = try container.decode(Role.self, forKey: .owner)
            isRequired = try container.decode(Bool.self, forKey: .isRequired)
            evidence = try container.decode(Set<EvidenceKind>.self, forKey: .evidence)
            also = try container.decodeIfPresent(Set<Role>.self, forKey: .also) ?? []
        }
    }
}
