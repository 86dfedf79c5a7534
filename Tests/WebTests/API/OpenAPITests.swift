import Domain
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every API route the server has is in the document, and nothing else")
    func matchesServer() async throws {
        try await withTestApp { app in
            let document = try await app.api(.GET, "/api/openapi.json").json
            #expect(document["openapi"] == "3.1.0")
            var documented: Set<String> = []
            if case .object(let paths) = document["paths"] {
                for (path, operations) in paths {
                    if case .object(let methods) = operations {
                        for method in methods.keys { documented.insert("\(method.uppercased()) \(path)") }
                    }
                }
            }
            let served = Set(app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                let path = route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return "\(route.method.rawValue) /\(path)"
            })
            #expect(!served.isEmpty)
            #expect(served == documented)
        }
    }
}
