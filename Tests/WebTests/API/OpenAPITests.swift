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
                        for (method, operation) in methods {
                            documented.insert("\(method.uppercased()) \(path)")
                            // Every `{name}` of the path is declared as a parameter of the operation.
                            let declared = Set(operation["parameters"].elements.compactMap { $0["name"].stringValue })
                            let placeholders = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
                            #expect(Set(placeholders).isSubset(of: declared), "\(method) \(path) declares \(declared)")
                        }
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
