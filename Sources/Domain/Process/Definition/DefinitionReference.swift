/// Names one exact process definition: what a case pins when it starts.
///
/// Two definitions with the same id and version but different hashes are different content published
/// under one number; whoever publishes definitions should refuse that.
public struct DefinitionReference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The process, such as `bfr`.
    public var id: ProcessDefinition.ID
    /// The published version of that process.
    public var version: Int
    /// Lower-case hexadecimal SHA-256 of the definition's canonical encoding.
    public var contentHash: String

    /// Names a definition; usually obtained from ``ProcessDefinition/reference``.
    public init(id: ProcessDefinition.ID, version: Int, contentHash: String) {
        self.id = id
        self.version = version
        self.contentHash = contentHash
    }

    /// `bfr@1`, as used in messages.
    public var description: String { "\(id)@\(version)" }

    private enum CodingKeys: String, CodingKey {
        case id, version
        case contentHash = "content_hash"
    }
}
