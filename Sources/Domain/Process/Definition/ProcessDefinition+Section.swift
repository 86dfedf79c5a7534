extension ProcessDefinition {
    /// A group of items within a phase, such as "Checklista för spärrhantering". It has no rules of its own.
    public struct Section: Sendable, Hashable, Codable, Identifiable {
        /// Unique within the definition.
        public var id: SectionID
        /// The section's heading for people.
        public var title: LocalizedText
        /// The items in the order they are shown.
        public var items: [Item]

        /// Builds a section as given.
        public init(id: SectionID, title: LocalizedText, items: [Item]) {
            self.id = id
            self.title = title
            self.items = items
        }
    }
}
