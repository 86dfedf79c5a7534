import Plot

extension CaseShow {
    /// Where the case stands in the queue and why; the assessment for the platform team.
    struct Prioritisation: Sendable {
        /// The applicant's sentence: place, how many ahead, or not assessed yet.
        let standing: String?
        let rule: String?
        let queueHref: String
        /// "Bedömning 2 av Cora Carlsson …: 12 poäng"; nil for the applicant or before any assessment.
        let assessment: String?
        let breakdown: [String]
        /// The assessment page, for the platform team.
        let assessHref: String?
        let assessTitle: String
    }
}

extension CaseShow.Model {
    func prioritisationView(_ prioritisation: CaseShow.Prioritisation) -> Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("prioritisation"), .class("compact"),
            .h2(.text(l("Prioritering", "Prioritisation"))),
            .unwrap(prioritisation.standing) { .p(.id("queue-standing"), .text($0)) },
            .unwrap(prioritisation.rule) { .p(.class("note"), .id("queue-rule"), .text($0)) },
            // The breakdown folds under the assessment's line: the page opens with where the case stands.
            .unwrap(prioritisation.assessment) { assessment in
                .element(named: "details", nodes: [
                    .id("current-assessment"),
                    .element(named: "summary", nodes: [.text(assessment)]),
                    .ul(.id("assessment-breakdown"), .forEach(prioritisation.breakdown) { .li(.text($0)) }),
                ])
            },
            .p(
                .a(.id("queue-link"), .href(prioritisation.queueHref), .text(l("Visa kön", "Show the queue"))),
                .unwrap(prioritisation.assessHref) { href in
                    .group(.text(" · "), .a(.id("assess-link"), .href(href), .text(prioritisation.assessTitle)))
                }
            )
        )
    }
}
