import Domain
import Foundation
import Persistence
import Workflow
import Vapor

/// `/cases/new` and `/cases/{id}/order`: starting a case and filling in its order. The applicant saves a
/// draft at any point; submitting saves, then checks everything and shows every error at its field.
enum OrderController {
    /// The platforms an applicant can order a connection to.
    static func newForm(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        guard principal.holds(.applicant) else { throw CaseNotFound() }
        let l = req.pageLanguage
        let platforms = try await DefinitionStore.current(on: req.store).values.sorted { $0.platform < $1.platform }
        return NewCase.Model(
            context: req.pageContext,
            platforms: platforms.map { ($0.platform, $0.title.text(in: l)) }
        ).html.response()
    }

    struct NewCaseForm: Content {
        let platform: String?
    }

    static func create(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        guard principal.holds(.applicant) else { throw CaseNotFound() }
        let platform = (try req.content.decode(NewCaseForm.self).platform ?? "").uppercased()
        let record = try await CaseWorkflow.create(
            platform: platform, fields: [:], by: principal, in: req.store, clock: req.application.config.clock)
        return req.redirect(to: SiteURL.caseOrder(.value(record.id)).path, redirectType: .normal)
    }

    static func show(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let notice = req.query[String.self, at: "saved"] != nil
            ? req.pageLanguage("Utkastet är sparat.", "The draft is saved.") : nil
        return try await page(try req.caseIDParameter(), for: principal, notice: notice, req: req)
    }

    static func save(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        let l = req.pageLanguage
        let posted = PostedOrder(req.body.string ?? "")
        let (record, _) = try await CaseAccess.visibleCase(id, to: principal, on: req.store)
        let definition = try await DefinitionStore.definition(record.state.definition, on: req.store)
        let answers = posted.answers(for: definition.form)
        do {
            let saved = try await CaseWorkflow.editOrder(
                answers, on: id, by: principal, expectedVersion: posted.version, in: req.store, clock: req.application.config.clock)
            guard posted.action == "submit" else {
                return req.redirect(to: SiteURL.caseOrder(.value(id)).path + "?saved=1", redirectType: .normal)
            }
            do {
                _ = try await CaseWorkflow.run(.submit, on: id, by: principal, expectedVersion: saved.state.version, in: req.store, clock: req.application.config.clock)
            } catch let failure as ValidationFailure {
                return try await page(
                    id, for: principal,
                    problem: [l("Utkastet är sparat, men beställningen kan inte skickas in förrän felen nedan är rättade.",
                                "The draft is saved, but the order cannot be submitted until the errors below are corrected.")],
                    errors: failure.errors, status: .unprocessableEntity, req: req)
            }
            return req.redirect(to: SiteURL.caseShow(.value(id)).path + "?submitted=1", redirectType: .normal)
        } catch let failure as ValidationFailure {
            return try await page(
                id, for: principal,
                problem: [l("Inget är sparat: rätta felen nedan.", "Nothing is saved: correct the errors below.")],
                errors: failure.errors, posted: answers, status: .unprocessableEntity, req: req)
        } catch let conflict as VersionConflict {
            return try await page(
                id, for: principal,
                problem: [l(
                    "Någon annan har sparat beställningen sedan du öppnade den. Dina ändringar är inte sparade: de står kvar nedan, och där det sparade skiljer sig visas det under fältet. Spara igen för att behålla dina.",
                    "Someone else saved the order after you opened it. Your changes are not saved: they are kept below, and where the saved answer differs it is shown under the field. Save again to keep yours.")],
                posted: answers, savedNow: conflict.current.fields, status: .conflict, req: req)
        } catch let refused as CaseRefused {
            return try await page(id, for: principal, problem: [refused.refusal.message.text(in: l)], status: .conflict, req: req)
        }
    }

    /// The order page; after a refused save, with the viewer's answers (`posted`) in place of the stored ones.
    static func page(
        _ id: UUID, for principal: Principal, problem: [String] = [], notice: String? = nil, errors: [FieldError] = [],
        posted: [String: String]? = nil, savedNow: [String: String]? = nil, status: HTTPStatus = .ok, req: Request
    ) async throws -> Response {
        let l = req.pageLanguage
        let (record, roles) = try await CaseAccess.visibleCase(id, to: principal, on: req.store)
        let definition = try await DefinitionStore.definition(record.state.definition, on: req.store)
        let documents = Set(try await CaseDocuments.documents(of: id, on: req.store).map(\.kind))
        let values = posted ?? record.fields
        let messages = Dictionary(errors.map { ($0.field, $0.message.text(in: l)) }, uniquingKeysWith: { first, _ in first })
        let editable = roles.contains(.applicant) && record.state.status.acceptsOrderChanges
        let risks = definition.form.risks(record.fields)
        let riskByField = Dictionary(risks.map { ($0.field.id, $0.text.text(in: l)) }, uniquingKeysWith: { first, _ in first })
        let showsRisks = principal.isPlatformTeamOrAdmin
        let form = definition.form
        let model = OrderPage.Model(
            context: req.pageContext, id: id, number: record.number,
            title: form.sections.isEmpty ? l("Beställning", "Order") : definition.phases[0].title.text(in: l),
            // The version now: after a conflict, saving again is the viewer's informed choice.
            isEditable: editable, version: record.state.version,
            problem: problem, notice: notice,
            sections: form.sections.map { section in
                OrderPage.Section(
                    id: section.id, title: section.title.text(in: l), intro: section.intro?.text(in: l),
                    fields: section.fields.map { field in
                        let value = values[field.id] ?? ""
                        let saved = savedNow.flatMap { now in (now[field.id] ?? "") == value ? nil : (now[field.id] ?? "–") }
                        return OrderPage.Field(
                            id: field.id, label: field.label.text(in: l), help: field.help?.text(in: l), type: field.type,
                            requirement: requirement(field, in: form, l), value: value, options: options(field, l),
                            error: messages["fields.\(field.id)"], saved: saved,
                            risk: showsRisks ? riskByField[field.id] : nil)
                    },
                    attachments: section.attachments.compactMap(DocumentKind.init(rawValue:)).map {
                        ($0.title.text(in: l), documents.contains($0))
                    })
            },
            risks: showsRisks ? risks.map { RiskFlagText.line($0, l) } : [])
        return model.html.response(status)
    }

    private static func requirement(_ field: OrderForm.Field, in form: OrderForm, _ l: Domain.Language) -> String {
        if field.isRequired { return l("krävs", "required") }
        if let condition = field.requiredWhen, let other = form.field(condition.field) {
            let answer = options(other, l).first { $0.id == condition.equals }?.title ?? condition.equals
            return l("krävs om svaret på \"\(other.label.sv)\" är \(answer)",
                     "required if the answer to \"\(other.label.en)\" is \(answer)")
        }
        return l("frivillig", "optional")
    }

    private static func options(_ field: OrderForm.Field, _ l: Domain.Language) -> [(id: String, title: String)] {
        switch field.type {
        case .yesNo: [(OrderForm.yes, l("Ja", "Yes")), (OrderForm.no, l("Nej", "No"))]
        case .confirm: [(OrderForm.yes, l("Jag intygar", "I affirm"))]
        case .choice, .choices: field.options.map { ($0.id, $0.label.text(in: l)) }
        default: []
        }
    }
}

/// An order form as posted: `f_<field>` per answer (repeated for several choices), `version` and `action`.
struct PostedOrder {
    private var values: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Form encoding writes a space as "+"; a broken escape is kept as sent rather than dropped.
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            values[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    var version: Int? { values["version"]?.first.flatMap { Int($0) } }
    var action: String? { values["action"]?.first }

    /// The answers to `form`'s fields: every field the form shows, an unticked box as no answer.
    func answers(for form: OrderForm) -> [String: String] {
        var answers: [String: String] = [:]
        for field in form.fields {
            let posted = values["f_\(field.id)"] ?? []
            answers[field.id] = field.type == .choices ? posted.joined(separator: ",") : (posted.first ?? "")
        }
        return answers
    }
}
