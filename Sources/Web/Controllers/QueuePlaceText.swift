import Domain

extension OnboardingQueue.Standing {
    /// "3 av 7", "ej bedömt än", "pågår": a case's standing as the lists show it.
    func text(_ l: Domain.Language) -> String {
        switch self {
        case .waiting(let position, let total): l("\(position) av \(total)", "\(position) of \(total)")
        case .notAssessed: l("ej bedömt än", "not assessed yet")
        case .running: l("pågår", "in progress")
        }
    }

    /// The sentence the applicant's case page gives: the place, how many are ahead, or why there is none yet.
    func sentence(_ l: Domain.Language) -> String {
        switch self {
        case .waiting(let position, let total):
            position == 1
                ? l("Ärendet är först i kön (\(total) bedömda ärenden väntar) och står näst i tur att starta.",
                    "The case is first in the queue (\(total) assessed cases wait) and is next in line to start.")
                : l("Ärendet står på plats \(position) av \(total) i kön; \(position - 1) \(position == 2 ? "ärende ligger" : "ärenden ligger") före.",
                    "The case is at place \(position) of \(total) in the queue; \(position - 1) \(position == 2 ? "case is" : "cases are") ahead.")
        case .notAssessed(let assessed):
            l("Ärendet är inte bedömt än och har ingen plats i kön; \(assessed) bedömda ärenden väntar.",
              "The case is not assessed yet and has no place in the queue; \(assessed) assessed cases wait.")
        case .running:
            l("Anslutningen pågår och har en av teamets platser.", "The onboarding is in progress and holds one of the team's places.")
        }
    }
}
