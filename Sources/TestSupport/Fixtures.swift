import Domain
import Foundation
import Persistence
import Vapor
import VaporTesting

/// Users and requests for API tests.
public enum Fixtures {
    /// Creates a user with one role (and an organisation for applicants) and issues a token.
    public static func user(
        _ app: Application, _ email: String, role: Role, platform: String? = nil, organisation: String? = nil
    ) async throws -> TestUser {
        try await TestUsers.create(
            email, role: role, platform: platform, organisation: organisation, in: app.store, clock: app.config.clock)
    }
}

/// A JSON answer from the API under test.
public struct APIResponse: Sendable {
    public let status: HTTPStatus
    public let headers: HTTPHeaders
    public let body: Data

    public init(status: HTTPStatus, headers: HTTPHeaders, body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body decoded as `T` (ISO 8601 dates).
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: body)
    }

    /// The body as a generic JSON value.
    public var json: CanonicalJSON { (try? decode(CanonicalJSON.self)) ?? .null }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

extension Application {
    /// Sends one request through the whole middleware stack, as a client would.
    public func api(
        _ method: HTTPMethod, _ path: String, as user: TestUser? = nil, json: (any Encodable & Sendable)? = nil,
        headers extra: HTTPHeaders = [:]
    ) async throws -> APIResponse {
        var headers = extra
        if let user { headers.bearerAuthorization = BearerAuthorization(token: user.token) }
        var body: ByteBuffer?
        if let json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            body = ByteBuffer(data: try encoder.encode(json))
            headers.contentType = .json
        }
        let response = try await testing().sendRequest(method, path, headers: headers, body: body)
        return APIResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }
}

/// A `multipart/form-data` body, as a browser or `curl -F` sends it.
public struct MultipartBody: Sendable {
    public let boundary = "anslut-test-\(UUID().uuidString)"
    public var buffer = ByteBuffer()

    public init(fields: [(String, String)] = [], file: (field: String, name: String, data: [UInt8])? = nil) {
        for (name, value) in fields {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            buffer.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n")
            buffer.writeBytes(file.data)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
    }

    public var contentType: HTTPMediaType { HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]) }
}

extension Application {
    /// Uploads `data` as a document of `kind` on the case, as an API client would.
    public func uploadDocument(
        _ caseID: String, kind: String, name: String, data: [UInt8], as user: TestUser?
    ) async throws -> APIResponse {
        let body = MultipartBody(fields: [("kind", kind)], file: ("file", name, data))
        var headers = HTTPHeaders()
        headers.contentType = body.contentType
        if let user { headers.bearerAuthorization = BearerAuthorization(token: user.token) }
        let response = try await testing().sendRequest(
            .POST, "/api/v1/cases/\(caseID)/documents", headers: headers, body: body.buffer)
        return APIResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }
}

extension CanonicalJSON {
    /// The member `key` of an object, or `.null`.
    public subscript(key: String) -> CanonicalJSON {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    /// The elements of an array, or none.
    public var elements: [CanonicalJSON] {
        if case .array(let values) = self { return values }
        return []
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var intValue: Int? {
        if case .int(let value) = self { return Int(value) }
        return nil
    }
}
