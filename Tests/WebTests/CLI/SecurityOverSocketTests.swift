import Foundation
import TestSupport
import Testing

/// The security rules that only a real server on a real socket can show: what reaches the wire, which address
/// the throttle counts, what the stylesheet and a missing processes folder do wherever `anslut` starts.
@Suite("Security of the built server, over a socket", .serialized)
struct SecurityOverSocketTests {
    static let password = "ett långt lösenord"

    /// A server of its own on a SQLite file in a scratch folder, with two staff users.
    struct Server {
        let process: Process
        let port: Int
        let folder: String
        let environment: [String: String?]

        static func start(_ extra: [String: String?] = [:]) async throws -> Server {
            let folder = StartupErrorTests.scratchFolder()
            let environment: [String: String?] = ["DATABASE_URL": nil, "LOG_LEVEL": "error"].merging(extra) { $1 }
            for email in ["sam@vgregion.example", "kim@vgregion.example"] {
                let created = try await AnslutExecutable.run(
                    ["user", "create", "--email", email, "--role", "coordinator", "--platform", "BFR"],
                    in: folder, environment: environment, stdin: password + "\n")
                #expect(created.status == 0, "\(created.stderr)")
            }
            let port = try RawHTTP.freePort()
            let process = try AnslutExecutable.start(["serve", "--port", "\(port)", "--mllp-port", "0", "--dicom-port", "0"], in: folder, environment: environment)
            _ = try await ServeCommandTests.waitForHealth(port: port)
            return Server(process: process, port: port, folder: folder, environment: environment)
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        /// One request, as bytes on the wire; the whole answer as text.
        func raw(_ method: String, _ path: String, headers: [String] = [], body: String? = nil) throws -> String {
            var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers
            if let body {
                lines += ["Content-Type: application/x-www-form-urlencoded", "Content-Length: \(body.utf8.count)"]
            }
            return try RawHTTP.exchange(port: port, lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? ""))
        }

        /// The visitor's form token: the `anslut_csrf` cookie the sign-in page sets, which its forms carry.
        func formToken() throws -> String {
            let page = try raw("GET", "/login")
            let cookie = try #require(Self.headerValues("Set-Cookie", in: page).first { $0.hasPrefix("anslut_csrf=") })
            return String(cookie.dropFirst("anslut_csrf=".count).prefix { $0 != ";" })
        }

        /// Posts a form with the form token and its cookie.
        func form(_ path: String, _ fields: [(String, String)], headers: [String] = []) throws -> String {
            let token = try formToken()
            let body = ([("csrf", token)] + fields).map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&")
            return try raw("POST", path, headers: ["Cookie: anslut_csrf=\(token)"] + headers, body: body)
        }

        /// Asks for a bearer token over the JSON API.
        func token(_ email: String, _ password: String, headers: [String] = []) throws -> String {
            let body = #"{"email":"\#(email)","password":"\#(password)"}"#
            let lines = ["POST /api/v1/auth/token HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close",
                         "Content-Type: application/json", "Content-Length: \(body.utf8.count)"] + headers
            return try RawHTTP.exchange(port: port, lines.joined(separator: "\r\n") + "\r\n\r\n" + body)
        }

        static func formEncoded(_ value: String) -> String {
            value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        }

        static func status(_ answer: String) -> Int {
            Int(answer.split(separator: " ", maxSplits: 2).dropFirst().first ?? "") ?? 0
        }

        /// The values of `name` in the answer's header block (the part before the first empty line).
        static func headerValues(_ name: String, in answer: String) -> [String] {
            let head = answer.components(separatedBy: "\r\n\r\n")[0]
            return head.components(separatedBy: "\r\n").dropFirst().compactMap { line in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == name.lowercased() else { return nil }
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
    }

    @Test("a redirect target with CR LF injects no header and no second response; it becomes /")
    func noHeaderInjection() async throws {
        let server = try await Server.start()
        defer { server.stop() }
        let attacks = [
            "/\r\nSet-Cookie: evil=1",
            "/\r\n\r\nHTTP/1.1 200 OK\r\nSet-Cookie: evil=1\r\nContent-Length: 5\r\n\r\nevil!",
            "/%0D%0ASet-Cookie:%20evil=1",
            "//evil.example/", "/\\evil.example", "https://evil.example/", "/%2F/evil.example", "/x\u{7F}",
        ]
        for next in attacks {
            let signIn = try server.form(
                "/login", [("email", "sam@vgregion.example"), ("password", Self.password), ("next", next)])
            let language = try server.form("/language", [("language", "en"), ("return", next)])
            for answer in [signIn, language] {
                #expect(answer.components(separatedBy: "HTTP/1.1 ").count == 2, "one status line for \(next.debugDescription)")
                #expect(Server.status(answer) == 303)
                #expect(Server.headerValues("Location", in: answer) == ["/"], "\(next.debugDescription)")
                #expect(!answer.lowercased().contains("evil=1"))
            }
        }
        // A local path is kept as it is.
        let kept = try server.form("/language", [("language", "sv"), ("return", "/cases?view=new")])
        #expect(Server.headerValues("Location", in: kept) == ["/cases?view=new"])
    }

    @Test("a new X-Forwarded-For on every try does not escape the address throttle without a trusted proxy")
    func forwardedForIgnoredWithoutTrustedProxy() async throws {
        let server = try await Server.start()
        defer { server.stop() }
        for attempt in 1...5 {
            let answer = try server.token(
                "nobody\(attempt)@example.org", "fel lösenord", headers: ["X-Forwarded-For: 198.51.100.\(attempt)"])
            #expect(Server.status(answer) == 401, "attempt \(attempt)")
        }
        let sixth = try server.token("nobody6@example.org", "fel lösenord", headers: ["X-Forwarded-For: 198.51.100.6"])
        #expect(Server.status(sixth) == 429)
        #expect(Server.headerValues("Retry-After", in: sixth) == ["30"])
        // The address waits, so even the right password from it is refused, on the page too.
        #expect(Server.status(try server.token("sam@vgregion.example", Self.password)) == 429)
        let page = try server.form("/login", [("email", "kim@vgregion.example"), ("password", Self.password)])
        #expect(Server.status(page) == 429)
        // And X-Forwarded-Proto claims no TLS: the cookies stay without Secure.
        let login = try server.raw("GET", "/login", headers: ["X-Forwarded-Proto: https"])
        #expect(Server.headerValues("Set-Cookie", in: login).allSatisfy { !$0.contains("Secure") })
    }

    @Test("the sign-in page and the token endpoint share one count per account; a trusted proxy's hop is the address")
    func sharedThrottleBehindTrustedProxy() async throws {
        let server = try await Server.start(["ANSLUT_TRUSTED_PROXIES": "127.0.0.1/32, ::1"])
        defer { server.stop() }
        // The page locks sam's account: five wrong tries are free, the sixth waits.
        for attempt in 1...6 {
            let page = try server.form(
                "/login", [("email", "sam@vgregion.example"), ("password", "fel \(attempt)")],
                headers: ["X-Forwarded-For: 203.0.113.\(attempt)"])
            #expect(Server.status(page) == (attempt <= 5 ? 401 : 429), "page attempt \(attempt)")
        }
        // The API, from another address, refuses the right password for the locked account.
        let locked = try server.token("sam@vgregion.example", Self.password, headers: ["X-Forwarded-For: 203.0.113.50"])
        #expect(Server.status(locked) == 429)
        #expect(locked.contains("too-many-attempts"))
        #expect(Int(Server.headerValues("Retry-After", in: locked).first ?? "") ?? 0 > 0)

        // The API locks kim's account; then the page refuses kim's right password.
        for attempt in 1...6 {
            let answer = try server.token(
                "kim@vgregion.example", "fel \(attempt)", headers: ["X-Forwarded-For: 203.0.113.\(100 + attempt)"])
            #expect(Server.status(answer) == (attempt <= 5 ? 401 : 429), "API attempt \(attempt)")
        }
        let page = try server.form(
            "/login", [("email", "kim@vgregion.example"), ("password", Self.password)],
            headers: ["X-Forwarded-For: 203.0.113.150"])
        #expect(Server.status(page) == 429)

        // Behind the trusted proxy each client address counts on its own: the right-most untrusted hop.
        for attempt in 1...6 {
            let answer = try server.token(
                "nobody\(attempt)@example.org", "fel", headers: ["X-Forwarded-For: 192.0.2.1, 198.51.100.77, 127.0.0.1"])
            #expect(Server.status(answer) == (attempt <= 5 ? 401 : 429), "address attempt \(attempt)")
        }
        let other = try server.token("nobody@example.org", "fel", headers: ["X-Forwarded-For: 198.51.100.78"])
        #expect(Server.status(other) == 401)
        // And the proxy's word on TLS counts.
        let login = try server.raw("GET", "/login", headers: ["X-Forwarded-Proto: https"])
        #expect(Server.headerValues("Set-Cookie", in: login).contains { $0.hasPrefix("anslut_csrf=") && $0.contains("Secure") })
    }

    @Test("started from another folder, the pages keep their stylesheet and /metrics answers the loopback peer")
    func stylesheetAndMetrics() async throws {
        let server = try await Server.start()
        defer { server.stop() }
        let css = try server.raw("GET", "/anslut.css")
        #expect(Server.status(css) == 200)
        #expect(Server.headerValues("Content-Type", in: css).first?.hasPrefix("text/css") == true)
        #expect(css.contains("font-family") || css.contains("{"))
        let page = try server.raw("GET", "/login")
        #expect(page.contains(#"href="/anslut.css""#))
        let metrics = try server.raw("GET", "/metrics")
        #expect(Server.status(metrics) == 200)
        #expect(metrics.contains("http_requests_total"))
    }

    @Test("a missing processes folder stops the start with one line that names ANSLUT_PROCESSES_DIR")
    func missingProcessesFolder() async throws {
        let folder = StartupErrorTests.scratchFolder()
        for environment: [String: String?] in [["ANSLUT_PROCESSES_DIR": nil], ["ANSLUT_PROCESSES_DIR": "/nonexistent/processes"]] {
            let outcome = try await AnslutExecutable.run(
                ["serve", "--port", "\(try RawHTTP.freePort())", "--mllp-port", "0", "--dicom-port", "0"], in: folder,
                environment: environment.merging(["DATABASE_URL": nil]) { $1 })
            #expect(outcome.status != 0)
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("ANSLUT_PROCESSES_DIR"))
            StartupErrorTests.expectNoCrash(outcome)
        }
    }

    @Test("anslut user token --revoke-all ends every token of the user at once")
    func revokeAllFromTheShell() async throws {
        let server = try await Server.start()
        defer { server.stop() }
        let email = "sam@vgregion.example"
        let issued = try await AnslutExecutable.run(["user", "token", "--email", email], in: server.folder, environment: server.environment)
        let token = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try server.raw("GET", "/api/v1/cases", headers: ["Authorization: Bearer \(token)"])
        #expect(Server.status(before) == 200)
        let revoked = try await AnslutExecutable.run(
            ["user", "token", "--revoke-all", "--email", email], in: server.folder, environment: server.environment)
        #expect(revoked.status == 0)
        #expect(revoked.stdout.contains("Revoked 1 token"))
        let after = try server.raw("GET", "/api/v1/cases", headers: ["Authorization: Bearer \(token)"])
        #expect(Server.status(after) == 401)
        let verify = try await AnslutExecutable.run(["audit", "verify"], in: server.folder, environment: server.environment)
        #expect(verify.status == 0)
    }

    @Test("a JSON body over 1 MB is a 413 problem that names the limit; one under it is read")
    func jsonBodyLimit() async throws {
        let server = try await Server.start()
        defer { server.stop() }
        func post(_ size: Int) throws -> String {
            let body = #"{"email":"sam@vgregion.example","password":""# + String(repeating: "a", count: size) + #""}"#
            let head = ["POST /api/v1/auth/token HTTP/1.1", "Host: 127.0.0.1:\(server.port)", "Connection: close",
                        "Content-Type: application/json", "Content-Length: \(body.utf8.count)"]
            return try RawHTTP.exchange(port: server.port, head.joined(separator: "\r\n") + "\r\n\r\n" + body)
        }
        let large = try post(1_100_000)
        #expect(Server.status(large) == 413)
        #expect(large.contains("body-too-large") && large.contains("1 MB"))
        #expect(Server.status(try post(500_000)) == 401)
    }
}
