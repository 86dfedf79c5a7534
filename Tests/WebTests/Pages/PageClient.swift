import Foundation
import TestSupport
import Testing
import Vapor
import VaporTesting

/// A browser for page tests: keeps cookies, sends forms with the page's form token.
final class PageClient: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var headers: HTTPHeaders = [:]

    init(_ app: Application) {
        self.app = app
    }

    struct Page {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String
        var bytes: [UInt8] = []

        /// The form token of the page's first form.
        var csrf: String? {
            guard let range = body.range(of: #"name="csrf" value=""#) else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil)
    }

    /// Posts `fields` as a form, adding the current form token unless `csrf` says otherwise.
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil, withToken: Bool = true) async throws -> Page {
        var fields = fields
        if withToken {
            if let csrf { fields["csrf"] = csrf } else { fields["csrf"] = try await token() }
        }
        let body = fields.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    /// Posts a `multipart/form-data` form with one file, as a browser's upload form does: the form token among
    /// the fields before the file, or with `tokenAfterFile` after it (as no form of ours sends it).
    func upload(
        _ path: String, fields: [(String, String)], file: (field: String, name: String, data: [UInt8]),
        withToken: Bool = true, tokenAfterFile: Bool = false
    ) async throws -> Page {
        var fields = fields
        if withToken && !tokenAfterFile { fields.append(("csrf", try await token())) }
        var body = MultipartBody(fields: fields, file: file)
        if tokenAfterFile {
            let end = "--\(body.boundary)--\r\n"
            body.buffer.moveWriterIndex(to: body.buffer.writerIndex - end.utf8.count)
            body.buffer.writeString(
                "--\(body.boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(try await token())\r\n" + end)
        }
        return try await send(.POST, path, buffer: body.buffer, contentType: body.contentType)
    }

    func signIn(_ email: String, password: String = TestUsers.password) async throws -> Page {
        try await post("/login", ["email": email, "password": password])
    }

    private func token() async throws -> String {
        let page = try await get("/login")
        if let csrf = page.csrf { return csrf }
        return try #require(try await get("/password").csrf)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Page {
        try await send(method, path, buffer: body.map { ByteBuffer(string: $0) }, contentType: .urlEncodedForm)
    }

    private func send(_ method: HTTPMethod, _ path: String, buffer: ByteBuffer?, contentType: HTTPMediaType) async throws
        -> Page
    {
        var headers = self.headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if buffer != nil { headers.contentType = contentType }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let value = pair.count == 2 ? String(pair[1]) : ""
            cookies[String(pair[0])] = value.isEmpty ? nil : value
        }
        return Page(status: response.status, headers: response.headers, body: response.body.string, bytes: Array(response.body.readableBytesView))
    }
}
