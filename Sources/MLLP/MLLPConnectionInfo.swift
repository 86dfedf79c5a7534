/// Who sent a message: enough to log it and to tell connections apart. TLS peer details join here when the
/// listener gains TLS.
public struct MLLPConnectionInfo: Sendable, Hashable, CustomStringConvertible {
    /// Unique within one ``MLLPServer``, in accept order from 1.
    public let id: UInt64
    /// The peer's IP address as text, or `"unknown"` when the socket could not say.
    public let remoteHost: String
    /// The peer's TCP port, or 0 when unknown.
    public let remotePort: Int
    /// The listener's port this connection arrived on.
    public let localPort: Int

    public init(id: UInt64, remoteHost: String, remotePort: Int, localPort: Int) {
        self.id = id
        self.remoteHost = remoteHost
        self.remotePort = remotePort
        self.localPort = localPort
    }

    public var description: String {
        "#\(self.id) \(self.remoteHost):\(self.remotePort)"
    }
}
