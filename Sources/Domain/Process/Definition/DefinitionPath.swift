/// Where in a process definition something is, as a path through its structure:
/// `phases[1].sections[0].items[2].owner`.
///
/// Field names are those of the definition's `Codable` form. A file loader that remembers where it read
/// each path can turn a path into a file position; a path it never read (say, a defaulted field) can be
/// looked up by its ``parent`` instead.
public struct DefinitionPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Hashable, Sendable {
        /// A named field of an object, such as `gate`.
        case field(String)
        /// A position in a list, counted from 0.
        case index(Int)
    }

    /// The steps from the top of the definition; empty for the definition as a whole.
    public private(set) var components: [Component]

    /// A path from the given steps; without arguments, the whole definition.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// This path, one field further down.
    public func appending(_ field: String) -> DefinitionPath {
        DefinitionPath(components + [.field(field)])
    }

    /// This path, at a position in the list it names.
    public func appending(index: Int) -> DefinitionPath {
        DefinitionPath(components + [.index(index)])
    }

    /// The path one step up; `nil` for the whole definition.
    public var parent: DefinitionPath? {
        components.isEmpty ? nil : DefinitionPath(Array(components.dropLast()))
    }

    /// The path as `phases[1].sections[0].items[2].owner`; empty for the whole definition.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .field(let name): text += text.isEmpty ? name : "." + name
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
