/// An address or a CIDR range (`192.0.2.10`, `192.0.2.0/24`, `2001:db8::/32`): the network and how many of its
/// leading bits must match.
public struct IPRange: Sendable, Hashable {
    public let network: IPAddress
    public let prefixLength: Int

    /// Nil for anything that is no bare address with an optional `/length` within the address's size.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, !first.contains("["), let network = IPAddress(first) else { return nil }
        let longest = network.bytes.count * 8
        var prefixLength = longest
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...longest).contains(length) else { return nil }
            prefixLength = length
        }
        self.network = network
        self.prefixLength = prefixLength
    }

    public func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(address.bytes, network.bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if a & mask != b & mask { return false }
            remaining -= bits
        }
        return true
    }
}
