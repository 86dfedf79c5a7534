extension AssessmentMatrix {
    /// The queue's rule in plain language, for everyone including applicants: what the score is made of, how ties
    /// are broken, and how many onboardings run at once.
    public func orderRule(capacity: Int) -> LocalizedText {
        func list(_ names: [String], and: String) -> String {
            names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " \(and) " + names.last!
        }
        func part(_ criterion: Criterion, _ title: String, _ times: String) -> String {
            let values = criterion.values.map(String.init).joined(separator: "/")
            return "\(title.lowercased()) (\(values)\(criterion.weight == 1 ? "" : ", \(times) \(criterion.weight)"))"
        }
        let sv = list(criteria.map { part($0, $0.title.sv, "räknas ×") }, and: "och")
        let en = list(criteria.map { part($0, $0.title.en, "counted ×") }, and: "and")
        return LocalizedText(
            sv: "Bedömda ärenden startar i poängordning: betyg för \(sv) plus poäng för vårdgivarens storlek; "
                + "\(tieBreak.text.sv). Teamet driver \(capacity) anslutningar samtidigt; när en plats blir ledig "
                + "erbjuds nästa ärende i kön. Ärenden som inte är bedömda än står utanför kön.",
            en: "Assessed cases start in order of score: scores for \(en) plus points for the care provider's size; "
                + "\(tieBreak.text.en). The team runs \(capacity) onboardings at once; when a place frees, the next "
                + "case in the queue is offered. Cases not assessed yet are outside the queue.")
    }
}
