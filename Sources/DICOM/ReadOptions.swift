/// How much a read may load and how far it goes.
public struct ReadOptions: Sendable, Hashable {
    /// Stop at the first top-level pixel data element, (7FE0,0008), (7FE0,0009) or (7FE0,0010), after reading
    /// its header: the element is in the data set with its length but nothing after it is read. This is what
    /// a receiver's checks and the header benchmark need, and what lets a file be read without reading its
    /// pixel data from disk. Default `false`: read to the end, skipping pixel data values either way.
    public var stopBeforePixelData: Bool
    /// The deepest sequence nesting accepted; deeper input is an error, so hostile nesting cannot exhaust the
    /// stack. Default 32: real objects, SR content trees included, stay well below it.
    public var maximumSequenceDepth: Int
    /// The largest a deflated data set may inflate to; beyond it the read fails instead of allocating.
    /// Default 256 MiB. Header reads stop inflating once the header is read, so this caps full reads.
    public var maximumInflatedSize: Int

    /// Options with the defaults documented on each property.
    public init(
        stopBeforePixelData: Bool = false, maximumSequenceDepth: Int = 32, maximumInflatedSize: Int = 256 << 20
    ) {
        self.stopBeforePixelData = stopBeforePixelData
        self.maximumSequenceDepth = maximumSequenceDepth
        self.maximumInflatedSize = maximumInflatedSize
    }

    /// The defaults, reading everything but pixel data values.
    public static let full = ReadOptions()
    /// Stop at pixel data, with the other defaults.
    public static let headerOnly = ReadOptions(stopBeforePixelData: true)
}
