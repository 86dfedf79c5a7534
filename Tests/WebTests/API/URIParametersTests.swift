import Testing
import Vapor
@testable import Web

@Suite("Query parameters")
struct URIParametersTests {
    @Test("names and values are percent-decoded, + is a space, the first of a repeated name counts")
    func parameters() {
        let uri = URI(string: "/api/v1/cases?status=in%5Fprogress&q=PACS+Syd%20%C3%A5&limit=5&limit=7&flag&=x&&tom=")
        #expect(uri.parameters == ["status": "in_progress", "q": "PACS Syd å", "limit": "5", "flag": "", "": "x", "tom": ""])
    }

    @Test("no query, an empty one, or a broken escape", arguments: [
        ("/api/v1/cases", [String: String]()), ("/api/v1/cases?", [:]), ("/x?a=%ZZ", ["a": "%ZZ"]),
    ])
    func edges(path: String, expected: [String: String]) {
        #expect(URI(string: path).parameters == expected)
    }
}
