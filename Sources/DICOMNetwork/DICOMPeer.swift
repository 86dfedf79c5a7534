/// The remote end of a connection: enough to log it and to tell associations apart.
public struct DICOMPeer: Sendable, Hashable, CustomStringConvertible {
    /// Unique within one ``DICOMServer``, in accept order from 1.
    public let connectionID: UInt64
    /// The peer's IP address as text, or `"unknown"` when the socket could not say.
    public let host: String
    /// The peer's TCP port, or 0 when unknown.
    public let port: Int

    public init(connectionID: UInt64, host: String, port: Int) {
        self.connectionID = connectionID
        self.host = host
        self.port = port
    }

    /// `#3 10.1.2.3:51234`.
    public var description: String {
        "#\(self.connectionID) \(self.host):\(self.port)"
    }
}
