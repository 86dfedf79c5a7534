import Domain
import Foundation
import ProcessFiles

/// Answers to a platform's order form that pass every submission rule and raise no risk flag, from the
/// definitions in `Processes/`; tests override the answers they are about.
public enum OrderAnswers {
    public static func complete(platform: String, overriding overrides: [String: String] = [:]) throws -> [String: String] {
        let definitions = try ProcessDefinitionLoader.loadFolder(URL(fileURLWithPath: processesFolder))
        guard let form = definitions.first(where: { $0.platform == platform })?.form else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "No process for \(platform)"])
        }
        return complete(form).merging(overrides) { _, override in override }
    }

    public static func complete(_ form: OrderForm) -> [String: String] {
        var answers: [String: String] = [:]
        for field in form.fields {
            let safe = { (candidates: [String]) in candidates.first { field.risk?.when != $0 } ?? candidates[0] }
            answers[field.id] = switch field.type {
            case .text: field.id == "system_name" ? "RIS Väst" : "Svar på \(field.id)"
            case .textarea: "En längre beskrivning av \(field.id)."
            case .email: "\(field.id.replacingOccurrences(of: "_", with: "."))@vardgivare.example"
            case .organisationID: "556559-4230"
            case .number: "25"
            case .yesNo: safe([OrderForm.yes, OrderForm.no])
            case .choice, .choices: safe(field.options.map(\.id))
            case .confirm: OrderForm.yes
            }
        }
        return answers
    }
}
