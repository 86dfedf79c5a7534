extension ProcessDefinition {
    /// One stage of the process, such as BFR's "Del 2 Utredning" or TakeCare's "Steg 3: Säkerhetsrevision".
    public struct Phase: Sendable, Hashable, Codable, Identifiable {
        /// Unique within the definition; kept across versions so a migrated case stays in the same phase.
        public var id: PhaseID
        /// The phase's name for people; Swedish as in the platform's own documents.
        public var title: LocalizedText
        /// What must hold before the phase can be completed.
        public var gate: GateRule
        /// The phase's items, grouped as the platform's checklist groups them.
        public var sections: [Section]
        /// Whether a case in this phase takes traffic in the verification environment (BFR's Del 4, TakeCare's
        /// step 4): its verification accounts may be registered and their messages are received.
        public var takesVerificationTraffic: Bool

        /// Builds a phase as given.
        public init(
            id: PhaseID, title: LocalizedText, gate: GateRule = GateRule(), sections: [Section],
            takesVerificationTraffic: Bool = false
        ) {
            self.id = id
            self.title = title
            self.gate = gate
            self.sections = sections
            self.takesVerificationTraffic = takesVerificationTraffic
        }

        private enum CodingKeys: String, CodingKey {
            case id, title, gate, sections
            case takesVerificationTraffic = "verification"
        }

        // `verification` is left out of the stored form when false (as in the content hash), so it is optional here.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(PhaseID.self, forKey: .id)
            title = try container.decode(LocalizedText.self, forKey: .title)
            gate = try container.decode(GateRule.self, forKey: .gate)
            sections = try container.decode([Section].self, forKey: .sections)
            takesVerificationTraffic = try container.decodeIfPresent(Bool.self, forKey: .takesVerificationTraffic) ?? false
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(gate, forKey: .gate)
            try container.encode(sections, forKey: .sections)
            if takesVerificationTraffic { try container.encode(true, forKey: .takesVerificationTraffic) }
        }

        /// Every item of the phase, section by section.
        public var items: [Item] {
            sections.flatMap(\.items)
        }
    }
}
