import Domain
import Vapor

/// An RFC 9457 problem: what the API answers for every error, as `application/problem+json`.
struct APIProblem: Error, JSONWritable {
    struct FieldProblem {
        let field: String
        let code: String
        let message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String?
    /// A stable machine code (`version-conflict`, `gate-open-items`, …).
    var code: String?
    /// Every broken rule, each naming its field.
    var errors: [FieldProblem]?
    /// For a version conflict: the case as it is now.
    var current: CaseDTO?
    /// Headers the answer carries besides its content type: `Retry-After` on a 429, `Allow` on a 405.
    var headers = HTTPHeaders()

    init(
        status: HTTPResponseStatus, code: String, title: LocalizedText, detail: String? = nil,
        errors: [FieldError] = [], language: Language, current: CaseDTO? = nil
    ) {
        self.type = "https://anslut.example/problems/\(code)"
        self.title = title.text(in: language)
        self.status = Int(status.code)
        self.detail = detail
        self.code = code
        self.errors = errors.isEmpty ? nil : errors.map {
            FieldProblem(field: $0.field, code: $0.code, message: $0.message.text(in: language))
        }
        self.current = current
    }

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json")

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.members(["type": type, "title": title])
            json.key("status")
            json.int(status)
            if let detail {
                json.key("detail")
                json.string(detail)
            }
            if let code {
                json.key("code")
                json.string(code)
            }
            if let errors {
                json.key("errors")
                json.array(errors) { json, error in
                    json.object { $0.members(["field": error.field, "code": error.code, "message": error.message]) }
                }
            }
            if let current {
                json.key("current")
                current.write(to: &json)
            }
        }
    }
}

extension Request {
    /// The language of the answer: English when `Accept-Language` or `?lang=` asks for it first, else Swedish.
    var language: Language {
        if let requested = query[String.self, at: "lang"], let language = Language(rawValue: requested) {
            return language
        }
        let accepted = headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        return accepted.hasPrefix("en") ? .en : .sv
    }
}
