/// `ANSLUT_TRUSTED_PROXIES`: the reverse proxies (addresses or CIDR ranges, separated by commas or spaces)
/// whose forwarding headers are believed. Default none: then `X-Forwarded-For`, `Forwarded` and
/// `X-Forwarded-Proto` are ignored and the direct peer is the client, so a client cannot pick a new address
/// for each guess at a password, nor claim TLS it did not use.
public struct TrustedProxies: Sendable {
    struct Range: Sendable {
        let network: IPAddress
        let prefixLength: Int

        func contains(_ address: IPAddress) -> Bool {
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

    let ranges: [Range]

    public static let none = TrustedProxies(ranges: [])

    /// Reads the setting; an entry that is no address or range stops the start, named with the rule.
    public static func parse(_ text: String) throws(AppConfig.InvalidSetting) -> TrustedProxies {
        var ranges: [Range] = []
        for entry in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let parts = entry.split(separator: "/", maxSplits: 1)
            guard let network = IPAddress(parts[0]), !parts[0].contains("[") else { throw invalid(entry) }
            let longest = network.bytes.count * 8
            var prefixLength = longest
            if parts.count == 2 {
                guard let length = Int(parts[1]), (0...longest).contains(length) else { throw invalid(entry) }
                prefixLength = length
            }
            ranges.append(Range(network: network, prefixLength: prefixLength))
        }
        return TrustedProxies(ranges: ranges)
    }

    private static func invalid(_ entry: Substring) -> AppConfig.InvalidSetting {
        AppConfig.InvalidSetting(description:
            "ANSLUT_TRUSTED_PROXIES has \"\(entry)\"; each entry must be an IPv4 or IPv6 address or a CIDR range"
                + " such as 10.0.0.0/8 or fd00::/8.")
    }

    func trusts(_ address: IPAddress?) -> Bool {
        guard let address else { return false }
        return ranges.contains { $0.contains(address) }
    }

    /// The client's address: the direct peer, unless the peer is a trusted proxy; then the right-most hop of
    /// `forwardedFor` (oldest first, as proxies append) that is not itself a trusted proxy. A hop that is no
    /// address (`unknown`) ends the walk there, as written.
    func client(peer: String?, forwardedFor hops: [String]) -> String? {
        guard trusts(peer.flatMap(IPAddress.init)) else { return peer }
        for hop in hops.reversed() {
            guard let address = IPAddress(hop) else { return hop.isEmpty ? peer : hop }
            if !trusts(address) { return address.description }
        }
        return hops.first.flatMap(IPAddress.init)?.description ?? peer
    }
}
