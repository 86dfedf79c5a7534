import Domain
import Foundation

/// A case's order (BFR's Del 1, TakeCare's request) as a form: editable by the applicant while a draft or
/// returned for completion, read-only for everyone else, with each error next to its field.
enum OrderPage {
    struct Model: Sendable {
        let context: PageContext
        let id: UUID
        let number: String
        let title: String
        let isEditable: Bool
        /// Sent back with the save, so a save by someone else in between is noticed.
        let version: Int
        /// Why the last save or submission did not go (fully) through.
        let problem: [String]
        /// What went through.
        let notice: String?
        let sections: [Section]
        /// Answers that signal a risk; shown to platform staff.
        let risks: [String]
    }

    struct Section: Sendable {
        let id: String
        let title: String
        let intro: String?
        let fields: [Field]
        /// The attachments the section asks for, with whether one is uploaded.
        let attachments: [(title: String, uploaded: Bool)]
    }

    struct Field: Sendable {
        let id: String
        let label: String
        let help: String?
        let type: OrderForm.FieldType
        /// "krävs", "frivillig" or "krävs om …", as the viewer reads it.
        let requirement: String
        let value: String
        let options: [(id: String, title: String)]
        let error: String?
        /// After a conflict: what is saved now, when it differs from what the viewer sent.
        let saved: String?
        let risk: String?

        /// The input's name in the posted form.
        var inputName: String { "f_\(id)" }
    }
}
