import Domain

/// `ANSLUT_TRUSTED_PROXIES`: the reverse proxies (addresses or CIDR ranges, separated by commas or spaces)
/// whose forwarding headers are believed. Default none: then `X-Forwarded-For`, `Forwarded` and
/// `X-Forwarded-Proto` are ignored and the direct peer is the client, so a client cannot pick a new address
/// for each guess at a password, nor claim TLS it did not use.
public struct TrustedProxies: Sendable {
    let ranges: [IPRange]

    public static let none = TrustedProxies(ranges: [])

    /// Reads the setting; an entry that is no address or range stops the start, named with the rule.
    public static func parse(_ text: String) throws(AppConfig.InvalidSetting) -> TrustedProxies {
        var ranges: [IPRange] = []
        for entry in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let range = IPRange(entry) else { throw invalid(entry) }
            ranges.append(range)
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
