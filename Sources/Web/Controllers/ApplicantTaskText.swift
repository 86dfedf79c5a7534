import Domain
import Persistence

/// The applicant's tasks as lines for the case page, or why there is nothing to do; items to do come by section,
/// each linked (through `link`) to its row.
enum ApplicantTaskText {
    static func lines(
        _ tasks: [ApplicantTask], standing: OnboardingQueue.Standing?, language l: Domain.Language,
        link: (ProcessDefinition.Item) -> String
    ) -> [CaseShow.Todo] {
        guard !tasks.isEmpty else {
            if let standing, standing != .running {
                return [.init(text: l("Ingen åtgärd behövs från er just nu.", "Nothing is needed from you now.") + " " + standing.sentence(l))]
            }
            return [.init(text: l("Ingen åtgärd behövs från er just nu.", "Nothing is needed from you now."))]
        }
        return tasks.flatMap { task -> [CaseShow.Todo] in
            switch task {
            case .submitOrder(let missing):
                [.init(text: missing == 0
                    ? l("Beställningen är komplett: skicka in den.", "The order is complete: submit it.")
                    : l("Fyll i beställningen och skicka in den (\(missing) uppgifter saknas eller behöver rättas).",
                        "Fill in the order and submit it (\(missing) answers are missing or need correcting)."))]
            case .resubmitOrder(let missing):
                [.init(text: l("Beställningen har skickats tillbaka för komplettering: komplettera den och skicka in den igen"
                    + (missing == 0 ? "." : " (\(missing) uppgifter saknas eller behöver rättas)."),
                   "The order was returned for completion: complete it and submit it again"
                    + (missing == 0 ? "." : " (\(missing) answers are missing or need correcting).")))]
            case .answerQuestions(let count):
                [.init(text: l(count == 1 ? "Svara på en fråga från plattformsteamet (under Frågor och kommentarer)."
                              : "Svara på \(count) frågor från plattformsteamet (under Frågor och kommentarer).",
                   count == 1 ? "Answer a question from the platform team (under Questions and comments)."
                              : "Answer \(count) questions from the platform team (under Questions and comments)."))]
            case .doItems(let groups):
                groups.map { group in
                    CaseShow.Todo(
                        text: l("\(group.section.sv) (\(group.items.count) att göra, \(group.blocking) krävs för att gå vidare)",
                                "\(group.section.en) (\(group.items.count) to do, \(group.blocking) needed to move on)"),
                        items: group.items.map { (text: $0.text.text(in: l), required: $0.isRequired, href: link($0)) })
                }
            }
        }
    }
}
