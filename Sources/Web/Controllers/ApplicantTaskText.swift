import Domain
import Persistence

/// The applicant's tasks as sentences for the case page, or why there is nothing to do.
enum ApplicantTaskText {
    static func lines(_ tasks: [ApplicantTask], place: CaseQueue.Place?, language l: Domain.Language) -> [String] {
        guard !tasks.isEmpty else {
            if let place {
                return [l("Ingen åtgärd behövs från er just nu. Ärendet står i kö: plats \(place.position) av \(place.total).",
                          "Nothing is needed from you now. The case is waiting in the queue: place \(place.position) of \(place.total).")]
            }
            return [l("Ingen åtgärd behövs från er just nu.", "Nothing is needed from you now.")]
        }
        return tasks.flatMap { task -> [String] in
            switch task {
            case .submitOrder(let missing):
                [missing == 0
                    ? l("Beställningen är komplett: skicka in den.", "The order is complete: submit it.")
                    : l("Fyll i beställningen och skicka in den (\(missing) uppgifter saknas eller behöver rättas).",
                        "Fill in the order and submit it (\(missing) answers are missing or need correcting).")]
            case .resubmitOrder(let missing):
                [l("Beställningen har skickats tillbaka för komplettering: komplettera den och skicka in den igen"
                    + (missing == 0 ? "." : " (\(missing) uppgifter saknas eller behöver rättas)."),
                   "The order was returned for completion: complete it and submit it again"
                    + (missing == 0 ? "." : " (\(missing) answers are missing or need correcting)."))]
            case .answerQuestions(let count):
                [l(count == 1 ? "Svara på en fråga från plattformsteamet (under Frågor och kommentarer)."
                              : "Svara på \(count) frågor från plattformsteamet (under Frågor och kommentarer).",
                   count == 1 ? "Answer a question from the platform team (under Questions and comments)."
                              : "Answer \(count) questions from the platform team (under Questions and comments).")]
            case .doItems(let items):
                items.map { l("Gör klart: \($0.text.sv)", "To do: \($0.text.en)") }
            }
        }
    }
}
