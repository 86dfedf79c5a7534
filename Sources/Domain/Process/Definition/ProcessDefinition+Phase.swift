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

        /// Builds a phase as given.
        public init(id: PhaseID, title: LocalizedText, gate: GateRule = GateRule(), sections: [Section]) {
            self.id = id
            self.title = title
            self.gate = gate
            self.sections = sections
        }

        /// Every item of the phase, section by section.
        public var items: [Item] {
            sections.flatMap(\.items)
        }
    }
}
