import Plot

extension AssessmentPage.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            "\(l("Bedömning", "Assessment")) \(number)", context,
            .h1(.text("\(l("Bedömning", "Assessment")) \(number)"), .small(.class("subtitle"), .text(" \(subtitle)"))),
            .p(.a(.href(SiteURL.caseShow(.value(caseID)).path), .text(l("Tillbaka till ärendet", "Back to the case")))),
            .p(.class("note"), .text(matrixTitle)),
            .if(!problem.isEmpty, .div(
                .class("error"), .id("assessment-problem"), .attribute(named: "role", value: "alert"),
                .forEach(problem) { .p(.text($0)) })),
            .section(
                .id("proposal"),
                .h2(.text(l("Sökandens förslag i sammandrag", "The applicant's proposal in brief"))),
                .p(.id("proposed-size"), .text(proposedSize)),
                .unwrap(proposedTotal) { .p(.id("proposed-total"), .text($0)) }
            ),
            mayAssess ? form : .p(.class("note"), .text(l(
                "Endast plattformens samordnare bedömer, och bara medan ärendet väntar.",
                "Only the platform's coordinators assess, and only while the case waits."))),
            historyView
        )
    }

    private var form: Node<HTML.BodyContext> {
        let l = context.language
        return .form(
            .id("assessment-form"), .class("stack wide"), .method(.post), .action(SiteURL.caseAssessment(.value(caseID)).path),
            .csrf(context.csrfToken),
            .input(.type(.hidden), .name("based_on"), .value(String(basedOn))),
            .forEach(criteria) { criterionFields($0) },
            .field(
                l("Vårdgivarens storlek (antal anställda)", "The care provider's size (number of employees)"),
                name: "employees", id: "employees", type: .number, value: employees, required: true, error: employeesError),
            .fieldset(
                .element(named: "legend", nodes: [Node<HTML.BodyContext>.text(l("Övriga faktorer (anteckningar, ger inga poäng)", "Further factors (notes, no points)"))]),
                .forEach(notes) { note in
                    .textField(note.title, name: "note_\(note.id)", id: "note-\(note.id)", value: note.value, rows: 2, error: nil)
                }
            ),
            .textField(
                basedOn == 0 ? l("Kommentar (frivillig)", "Comment (optional)")
                    : l("Varför ändras bedömningen? (krävs)", "Why does the assessment change? (required)"),
                name: "reason", id: "reason", value: reason, rows: 2, error: reasonError),
            .button(.type(.submit), .id("assessment-submit"),
                    .text(basedOn == 0 ? l("Spara bedömningen", "Save the assessment") : l("Spara den nya bedömningen", "Save the new assessment")))
        )
    }

    private func criterionFields(_ criterion: AssessmentPage.Model.Criterion) -> Node<HTML.FormContext> {
        let l = context.language
        let legend = criterion.weight == 1 ? criterion.title : "\(criterion.title) (× \(criterion.weight))"
        let choices: [(value: String, title: String)] = [("", l("Välj", "Choose"))] + criterion.values.map { (String($0), String($0)) }
        let score: Node<HTML.FormContext> = .choiceField(
            l("Betyg", "Score"), name: "score_\(criterion.id)", id: "score-\(criterion.id)",
            choices: choices, selected: criterion.score.map(String.init), error: criterion.scoreError)
        let rationale: Node<HTML.FormContext> = .textField(
            l("Motivering (kort)", "Rationale (short)"), name: "rationale_\(criterion.id)",
            id: "rationale-\(criterion.id)", value: criterion.rationale, rows: 2, error: criterion.rationaleError)
        return .fieldset(
            .id("criterion-\(criterion.id)"), .class("criterion"),
            .element(named: "legend", nodes: [Node<HTML.BodyContext>.text(legend)]),
            .p(.class("applicant-says"), .strong(.text(l("Sökanden skriver: ", "The applicant writes: "))), .text(criterion.description)),
            .p(.class("applicant-says"), .strong(.text(l("Sökandens förslag: ", "The applicant proposes: "))), .text(criterion.proposal)),
            score, rationale)
    }

    private var historyView: Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("assessment-history"),
            .h2(.text(l("Historik", "History"))),
            .if(history.isEmpty, .p(.text(l("Ärendet är inte bedömt ännu.", "The case is not assessed yet.")))),
            .ol(.attribute(named: "reversed"), .forEach(history.reversed()) { entry in
                .li(
                    .p(.strong(.text(entry.title)), .text(" (\(entry.matrix))")),
                    .unwrap(entry.reason) { .p(.text(l("Skäl: ", "Reason: ") + $0)) },
                    .if(!entry.changes.isEmpty, .p(.text(l("Ändrat: ", "Changed: ") + entry.changes.joined(separator: "; ")))),
                    .ul(.forEach(entry.breakdown) { .li(.text($0)) })
                )
            })
        )
    }
}
