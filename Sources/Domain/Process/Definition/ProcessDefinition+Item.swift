extension ProcessDefinition {
    /// One line of a checklist: something to confirm, deliver, fill in or decide.
    public struct Item: Sendable, Hashable, Codable, Identifiable {
        /// Unique within the definition and stable across versions; case state is keyed by it.
        public var id: ItemID
        /// What the item asks, in Swedish (as worded by the platform) and English.
        public var text: LocalizedText
        /// What kind of work the item is; decisions follow their own rules.
        public var kind: ItemKind
        /// The role responsible for the item. Holders of it (and coordinators) may tick it; for a
        /// decision item it must be the gate's decision role.
        public var owner: Role
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
            evidence: Set<EvidenceKind> = []
        ) {
            self.id = id
            self.text = text
            self.kind = kind
            self.owner = owner
            self.isRequired = isRequired
            self.evidence = evidence
        }

        private enum CodingKeys: String, CodingKey {
            case id, text, kind, owner, evidence
            case isRequired = "required"
        }
    }
}
