import Domain
import Vapor

/// Who is really on the other end, by the rule of ``TrustedProxies``: the forwarding headers count only when
/// the direct peer is a trusted proxy.
extension Request {
    /// The direct peer's address, as the socket reports it (Vapor's `peerAddress` believes any
    /// `X-Forwarded-For`, so it is not used).
    var directPeer: String? { remoteAddress?.ipAddress }

    /// Whether the direct peer is one of the configured proxies.
    var cameThroughTrustedProxy: Bool {
        application.config.trustedProxies.trusts(directPeer.flatMap(IPAddress.init))
    }

    /// The client's address, for the sign-in throttle and the audit trail; `unknown` without a socket.
    var clientAddress: String {
        let proxies = application.config.trustedProxies
        guard cameThroughTrustedProxy else { return directPeer ?? "unknown" }
        return proxies.client(peer: directPeer, forwardedFor: forwardedHops) ?? "unknown"
    }

    /// Whether the browser reached us over TLS: directly, or through a trusted proxy that says so in
    /// `Forwarded: proto=https` or `X-Forwarded-Proto: https` (the nearest proxy's word, the last one).
    var cameOverTLS: Bool {
        if application.http.server.configuration.tlsConfiguration != nil { return true }
        guard cameThroughTrustedProxy else { return false }
        let proto = forwardedElements.last?["proto"]
            ?? headers[canonicalForm: .xForwardedProto].last.map(String.init)
        return proto?.lowercased() == "https"
    }

    /// The `for` hops of `Forwarded` when the request has that header, else of `X-Forwarded-For`; oldest first.
    private var forwardedHops: [String] {
        let elements = forwardedElements
        if !elements.isEmpty { return elements.map { $0["for"] ?? "" } }
        return headers[canonicalForm: .xForwardedFor].map { String($0) }
    }

    /// `Forwarded` (RFC 7239) as its elements, each a map of lower-cased parameter names to unquoted values.
    private var forwardedElements: [[String: String]] {
        headers[.forwarded].flatMap { $0.split(separator: ",") }.map { element in
            var parameters: [String: String] = [:]
            for pair in element.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                var value = parts[1].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                parameters[parts[0].trimmingCharacters(in: .whitespaces).lowercased()] = value
            }
            return parameters
        }
    }
}
