import Domain
import Plot

extension CaseShow.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            "\(l("Ärende", "Case")) \(number)", context,
            .h1(.text("\(l("Ärende", "Case")) \(number)"), .small(.class("subtitle"), .text(" \(systemName), \(organisation)"))),
            .dl(
                .class("facts"),
                .dt(.text(l("Plattform", "Platform"))), .dd(.text(platform)),
                .dt(.text(l("Status", "Status"))), .dd(.id("case-status"), .text(status)),
                .dt(.text(l("Fas", "Phase"))), .dd(.text(phase)),
                .unwrap(queuePlace) { place in
                    .group(.dt(.text(l("Plats i kön", "Place in the queue"))), .dd(.id("queue-place"), .text(place)))
                }
            ),
            progressView,
            sectionNav,
            .if(!problem.isEmpty, .div(
                .class("error"), .id("case-problem"), .attribute(named: "role", value: "alert"),
                .forEach(problem) { .p(.text($0)) }
            )),
            .unwrap(notice) { .div(.class("notice"), .id("case-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .unwrap(todo) { todoView($0) },
            .if(!risks.isEmpty, .div(
                .class("error"), .id("case-risks"),
                .h2(.text(l("Riskflaggor i beställningen", "Risk flags in the order"))),
                .ul(.forEach(risks) { .li(.text($0)) })
            )),
            .section(
                .id("order"), .class("compact"),
                .h2(.text(l("Beställningen", "The order"))),
                .p(.a(
                    .id("order-link"), .href(SiteURL.caseOrder(.value(id)).path),
                    .text(orderIsEditable ? l("Fyll i och skicka in beställningen", "Fill in and submit the order")
                                          : l("Visa beställningen", "Show the order"))))
            ),
            .if(!actions.isEmpty, .section(
                .id("case-actions"),
                .h2(.text(l("Åtgärder", "Actions"))),
                .div(.class("actions"), .forEach(actions) { actionForm($0, key: "case") })
            )),
            checklistView,
            questions,
            documentsSection,
            .unwrap(prioritisation) { prioritisationView($0) },
            .unwrap(verification) { verificationView($0) },
            timelineView
        )
    }

    /// The phases as a row, the current phase's required items as a bar, whose turn it is, and the ages.
    private var progressView: Node<HTML.BodyContext> {
        let l = context.language
        let counts = progress.counts
        return .section(
            .id("progress"), .class("progress"), .ariaLabel(l("Var ärendet står", "Where the case stands")),
            .ol(.class("phases"), .forEach(progress.phases) { phase in
                .li(
                    .class("phase \(phase.standing.rawValue)"),
                    .if(phase.standing == .current, .attribute(named: "aria-current", value: "step")),
                    .span(.class("visually-hidden"), .text(standingTitle(phase.standing) + ": ")),
                    .text(phase.title)
                )
            }),
            .div(
                .class("phase-bar"),
                .progressBar(
                    settled: counts.settled, total: counts.total,
                    label: l("Obligatoriska punkter i fasen", "Required items of the phase"), id: "phase-progress"),
                .p(.id("phase-counts"), .text(l(
                    "\(counts.done) klara, \(counts.open) öppna, \(counts.notApplicable) ej tillämpliga av \(counts.total) obligatoriska",
                    "\(counts.done) done, \(counts.open) open, \(counts.notApplicable) not applicable of \(counts.total) required")))
            ),
            .p(
                .class("turn"),
                .strong(.id("case-turn"), .text(progress.turn)),
                .text(" · " + l("Ärendet: \(progress.caseAge)", "Case: \(progress.caseAge)")
                    + " · " + l("Fasen: \(progress.phaseAge)", "Phase: \(progress.phaseAge)"))
            )
        )
    }

    private func standingTitle(_ standing: CaseProgress.PhaseStanding) -> String {
        let l = context.language
        return switch standing {
        case .done: l("klar", "done")
        case .current: l("pågår", "current")
        case .ahead: l("kommande", "ahead")
        }
    }

    /// Links to the page's parts with their counts, so nothing sits out of reach below the checklist.
    private var sectionNav: Node<HTML.BodyContext> {
        let l = context.language
        let links: [(String, String)] = [
            ("#order", l("Beställning", "Order")),
            ("#checklist", l("Checklista (\(checklist.openCount) öppna)", "Checklist (\(checklist.openCount) open)")),
            ("#questions", l("Frågor (\(openQuestionCount) öppna)", "Questions (\(openQuestionCount) open)")),
            ("#documents", l("Dokument (\(documentCount))", "Documents (\(documentCount))")),
        ] + (verification == nil ? [] : [
            ("#verification", l("Verifiering (\(verification?.sessions.count ?? 0) sessioner)", "Verification (\(verification?.sessions.count ?? 0) sessions)")),
        ]) + [
            ("#timeline", l("Händelser (\(timeline.total))", "Timeline (\(timeline.total))")),
        ]
        return .nav(
            .class("case-nav"), .ariaLabel(l("Ärendets delar", "Parts of the case")),
            .ul(.forEach(links) { href, title in .li(.a(.href(href), .text(title))) })
        )
    }

    private func todoView(_ todo: [CaseShow.Todo]) -> Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("todo"), .class("todo"),
            .h2(.text(l("Att göra nu", "What to do now"))),
            .ul(.forEach(todo.enumerated().map { $0 }) { index, line in
                .li(.if(line.items.isEmpty, .text(line.text), else: .element(named: "details", nodes: [
                    // The first section of items to do starts open; the others are a click away.
                    .if(index == todo.firstIndex { !$0.items.isEmpty }, .attribute(named: "open")),
                    .element(named: "summary", nodes: [.text(line.text)]),
                    .ul(.forEach(line.items) { item in
                        .li(
                            .a(.href(item.href.attributeEscaped), .text(item.text)),
                            .if(item.required, .small(.class("blocking"), .text(" " + l("(krävs för att gå vidare)", "(needed to move on)"))))
                        )
                    }),
                ])))
            })
        )
    }

    /// A command as a form; `key` makes its field ids unique on the page. With `choosingNewest` a document
    /// field starts at the newest document (the one just uploaded from the item's actions).
    func actionForm(_ action: CaseShow.Action, key: String, choosingNewest: Bool = false) -> Node<HTML.BodyContext> {
        let l = context.language
        let key = [action.command.rawValue, key].joined(separator: "-")
        return .form(
            .class("action"), .method(.post), .action(SiteURL.caseCommands(.value(id)).path),
            .csrf(context.csrfToken),
            .input(.type(.hidden), .name("version"), .value(String(version))),
            .input(.type(.hidden), .name("command"), .value(action.command.rawValue)),
            .unwrap(action.item) { .input(.type(.hidden), .name("item"), .value($0.attributeEscaped)) },
            .unwrap(action.phase) { .input(.type(.hidden), .name("phase"), .value($0.attributeEscaped)) },
            .forEach(action.evidence) { evidenceField($0, key: key, choosingNewest: choosingNewest) },
            .if(!action.outcomes.isEmpty, .div(
                .class("field"),
                .label(.for("\(key)-outcome"), .text(l("Beslut", "Decision"))),
                .select(
                    .attribute(named: "name", value: "outcome"), .id("\(key)-outcome"),
                    .forEach(action.outcomes) { .choice($0.value, $0.title, selected: false) }
                )
            )),
            .if(action.reason != .none, .field(
                action.reasonLabel ?? (action.reason == .required ? l("Skäl", "Reason") : l("Skäl (frivilligt)", "Reason (optional)")),
                name: "reason", id: "\(key)-reason", required: action.reason == .required)),
            .button(.type(.submit), .text(action.title))
        )
    }

    private func evidenceField(
        _ evidence: CaseShow.Action.EvidenceField, key: String, choosingNewest: Bool
    ) -> Node<HTML.FormContext> {
        let l = context.language
        let id = "\(key)-\(evidence.kind.rawValue)"
        let label = "\(l("Underlag", "Evidence")): \(evidence.title)"
        guard evidence.kind != .comment else {
            return .field(label, name: "evidence_\(evidence.kind.rawValue)", id: id, required: true)
        }
        return .div(
            .class("field"),
            .label(.for(id), .text(label)),
            .if(evidence.documents.isEmpty, .p(.class("note"), .text(evidence.kind == .assessment
                ? l("Ärendet är inte bedömt ännu: gör bedömningen under Prioritering.",
                    "The case is not assessed yet: assess it under Prioritisation.")
                : l("Ärendet har inget sådant dokument ännu: ladda upp det nedan.",
                    "The case has no such document yet: upload it below.")))),
            .select(
                .attribute(named: "name", value: "evidence_\(evidence.kind.rawValue)"), .id(id), .attribute(named: "required"),
                .choice("", l("Välj ett dokument i ärendet", "Choose a document of the case"), selected: false),
                .forEach(evidence.documents.enumerated().map { $0 }) { index, document in
                    .choice(document.value, document.title, selected: choosingNewest && index == 0)
                }
            )
        )
    }
}

extension Node where Context == HTML.BodyContext {
    /// A bar of `settled` out of `total` with its label for screen readers; `<progress>` is announced as such.
    static func progressBar(settled: Int, total: Int, label: String, id: String? = nil) -> Node {
        .element(named: "progress", nodes: [
            .unwrap(id) { .id($0) }, .attribute(named: "max", value: String(max(total, 1))),
            .attribute(named: "value", value: String(total == 0 ? 1 : settled)),
            .attribute(named: "aria-label", value: label.attributeEscaped),
            .text("\(settled)/\(total)"),
        ])
    }
}
