import Domain
import Foundation
import Testing
import Vapor
@testable import Web

@Suite("Redirect targets, response headers and trusted proxies")
struct RedirectAndProxyRuleTests {
    @Test("a local path is kept", arguments: ["/", "/cases", "/cases?view=new&q=RIS%20V%C3%A4st", "/cases/1/order#del1", "/a%2Fb"])
    func localKept(_ path: String) {
        #expect(LocalRedirect.target(path) == path)
    }

    @Test("anything else becomes /", arguments: [
        "", "cases", "//evil.example", "/\\evil.example", "/x\\y", "https://evil.example/", "javascript:alert(1)",
        "/\r\nSet-Cookie: evil=1", "/\n", "/\t", "/x\u{7F}", "/%0d%0aSet-Cookie:%20evil=1", "/%2F%2Fevil.example",
        "/%5Cevil.example", "/%00", "/%7F", "/%zz", " /cases",
    ])
    func othersBecomeRoot(_ path: String) {
        #expect(LocalRedirect.target(path) == "/")
    }

    @Test("the header guard drops a header holding CR, LF or NUL and keeps the rest")
    func headerGuard() {
        let response = Response(status: .seeOther)
        response.headers.add(name: .location, value: "/\r\nSet-Cookie: evil=1")
        response.headers.add(name: "X-Fine", value: "ok")
        response.headers.add(name: "X-Nul", value: "a\u{0}b")
        HeaderGuard.dropUnsafeHeaders(of: response, logger: Logger(label: "test"))
        #expect(response.headers.first(name: .location) == nil)
        #expect(response.headers.first(name: "X-Nul") == nil)
        #expect(response.headers.first(name: "X-Fine") == "ok")
    }

    @Test("ANSLUT_TRUSTED_PROXIES takes addresses and CIDR ranges, IPv4 and IPv6, and names a bad entry")
    func parse() throws {
        let proxies = try TrustedProxies.parse("10.0.0.0/8, 192.168.1.7 fd00::/8,::1")
        #expect(proxies.trusts(IPAddress("10.200.3.4")))
        #expect(!proxies.trusts(IPAddress("11.0.0.1")))
        #expect(proxies.trusts(IPAddress("192.168.1.7")))
        #expect(!proxies.trusts(IPAddress("192.168.1.8")))
        #expect(proxies.trusts(IPAddress("fd12:3456::1")))
        #expect(proxies.trusts(IPAddress("::1")))
        #expect(proxies.trusts(IPAddress("::ffff:10.1.1.1")))  // IPv4-mapped, as a dual-stack socket reports it
        #expect(!proxies.trusts(IPAddress("fe80::1")))
        #expect(!TrustedProxies.none.trusts(IPAddress("127.0.0.1")))
        for bad in ["10.0.0.0/33", "fd00::/129", "proxy.example", "10.0.0/8", "10.0.0.1/x"] {
            #expect(throws: AppConfig.InvalidSetting.self) { try TrustedProxies.parse(bad) }
        }
        let environment = ["ANSLUT_TRUSTED_PROXIES": "10.0.0.0/8, nonsense"]
        do {
            _ = try AppConfig.fromEnvironment(environment)
            Issue.record("a bad entry was accepted")
        } catch {
            #expect(error.description.contains("\"nonsense\""))
        }
    }

    @Test("the client is the peer unless the peer is trusted; then the right-most untrusted hop")
    func client() throws {
        let proxies = try TrustedProxies.parse("10.0.0.0/8")
        #expect(proxies.client(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"]) == "203.0.113.9")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["198.51.100.1", "203.0.113.5"]) == "203.0.113.5")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["198.51.100.1", "203.0.113.5", "10.0.0.3"]) == "203.0.113.5")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["10.0.0.9", "10.0.0.3"]) == "10.0.0.9")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["\"[2001:db8::1]:4711\""]) == "2001:db8::1")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["192.0.2.60:8080"]) == "192.0.2.60")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["198.51.100.1", "unknown"]) == "unknown")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: []) == "10.0.0.2")
    }
}
