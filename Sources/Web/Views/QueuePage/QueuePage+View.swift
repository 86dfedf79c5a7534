import Plot

extension QueuePage.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            "\(l("Kö", "Queue")) \(platform)", context,
            .h1(.text("\(l("Kön till", "The queue for")) \(platform)")),
            .if(platforms.count > 1, .nav(
                .class("tabs"), .ariaLabel(l("Plattformar", "Platforms")),
                .ul(.forEach(platforms) { item in
                    .li(.a(.href(item.href), .if(item.current, .attribute(named: "aria-current", value: "page")), .text(item.code)))
                }))),
            .if(!problem.isEmpty, .div(
                .class("error"), .id("queue-problem"), .attribute(named: "role", value: "alert"), .forEach(problem) { .p(.text($0)) })),
            .unwrap(rule) { .p(.id("queue-rule"), .class("note"), .text($0)) },
            .unwrap(team) { teamView($0) },
            .unwrap(applicant) { applicantView($0) }
        )
    }

    private func applicantView(_ cases: [QueuePage.OwnCase]) -> Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("own-cases"),
            .h2(.text(l("Era ärenden", "Your cases"))),
            .if(cases.isEmpty, .p(.text(l("Ni har inga ärenden som väntar på den här plattformen.",
                                          "You have no cases waiting on this platform.")))),
            .if(!cases.isEmpty, .div(.class("scroll"), .table(
                .class("queue"),
                .thead(.tr(.th(.text(l("Ärende", "Case"))), .th(.text(l("Status", "Status"))),
                           .th(.text(l("Plats", "Place"))), .th(.text(l("Era poäng", "Your points"))))),
                .tbody(.forEach(cases) { own in
                    .tr(.td(.class("number"), .a(.href(own.href), .text(own.number))), .td(.text(own.status)), .td(.class("standing"), .text(own.standing)),
                        .td(.text(own.total ?? "–")))
                })
            )))
        )
    }

    private func teamView(_ team: QueuePage.Team) -> Node<HTML.BodyContext> {
        let l = context.language
        return .group(
            .section(
                .id("capacity"),
                .h2(.text(l("Kapacitet", "Capacity"))),
                .p(.id("capacity-summary"), .text(l(
                    "\(team.running) av \(team.capacity) platser upptagna, \(team.freePlaces) \(team.freePlaces == 1 ? "ledig" : "lediga").",
                    "\(team.running) of \(team.capacity) places taken, \(team.freePlaces) free."))),
                .if(team.mayChange, .form(
                    .class("inline"), .method(.post), .action(SiteURL.platformQueueCapacity(.value(platform)).path),
                    .csrf(context.csrfToken),
                    .input(.type(.hidden), .name("version"), .value(String(team.platformVersion))),
                    .field(l("Antal anslutningar samtidigt", "Onboardings at once"), name: "capacity", id: "capacity-input",
                           type: .number, value: String(team.capacity), required: true, error: team.capacityError),
                    .button(.type(.submit), .class("secondary"), .text(l("Ändra kapaciteten", "Change the capacity")))
                ))
            ),
            .section(
                .id("offered"),
                .h2(.text(l("Nästa att starta", "Next to start"))),
                .unwrap(team.offered, { offered in
                    .group(
                        .p(.id("offered-case"), .text(l(
                            "\(team.freePlaces == 1 ? "En plats är ledig" : "\(team.freePlaces) platser är lediga"); näst i tur: \(offered.number) (\(offered.organisation), \(offered.total) poäng).",
                            "\(team.freePlaces == 1 ? "One place is free" : "\(team.freePlaces) places are free"); next in line: \(offered.number) (\(offered.organisation), \(offered.total) points)."))),
                        commandForm(offered, command: "start", title: l("Starta \(offered.number)", "Start \(offered.number)"), reasonRequired: false),
                        .element(named: "details", nodes: [
                            .class("skip-offer"),
                            .element(named: "summary", nodes: [.text(l("Hoppa över \(offered.number) med ett skäl", "Skip \(offered.number) with a reason"))]),
                            commandForm(offered, command: "skip_in_queue", title: l("Hoppa över", "Skip"), reasonRequired: true),
                        ])
                    )
                }, else: .p(.id("offered-case"), .text(team.freePlaces == 0
                    ? l("Ingen plats är ledig.", "No place is free.")
                    : l("Inget bedömt ärende är klart att starta.", "No assessed case is ready to start."))))
            ),
            .section(
                .id("waiting"),
                .h2(.text(l("Bedömda ärenden i kö (\(team.waitingTotal))", "Assessed cases waiting (\(team.waitingTotal))"))),
                .p(.class("note"), .id("forecast-note"), .text(team.forecastNote)),
                table(team.waiting, positions: true, forecast: true),
                shownNote(team.waiting.count, of: team.waitingTotal)
            ),
            .section(
                .id("not-assessed"),
                .h2(.text(l("Inte bedömda än (\(team.notAssessedTotal))", "Not assessed yet (\(team.notAssessedTotal))"))),
                table(team.notAssessed, positions: false, forecast: false),
                shownNote(team.notAssessed.count, of: team.notAssessedTotal)
            ),
            .section(
                .id("running"),
                .h2(.text(l("Pågår (\(team.runningRows.count))", "In progress (\(team.runningRows.count))"))),
                table(team.runningRows, positions: false, forecast: false)
            )
        )
    }

    private func shownNote(_ shown: Int, of total: Int) -> Node<HTML.BodyContext> {
        let l = context.language
        return .if(shown < total, .p(.class("note"), .text(l(
            "Visar de första \(shown) av \(total); hela listan finns i API:t (GET /api/v1/platforms/\(platform)/queue?offset=…).",
            "Showing the first \(shown) of \(total); the whole list is in the API (GET /api/v1/platforms/\(platform)/queue?offset=…)."))))
    }

    private func table(_ rows: [QueuePage.Row], positions: Bool, forecast: Bool) -> Node<HTML.BodyContext> {
        let l = context.language
        guard !rows.isEmpty else { return .p(.text(l("Inga.", "None."))) }
        return .div(.class("scroll"), .table(
            .class("queue"),
            .thead(.tr(
                .if(positions, .th(.text("#"))), .th(.text(l("Ärende", "Case"))), .th(.text(l("Organisation", "Organisation"))),
                .th(.text(l("System", "System"))), .th(.text(l("Poäng", "Score"))), .th(.text(l("Inskickat", "Submitted"))),
                .th(.text(l("Status", "Status"))), .if(forecast, .th(.text(l("Väntad start", "Expected start"))))
            )),
            .tbody(.forEach(rows) { row in
                .tr(
                    .if(positions, .td(.text(row.position.map(String.init) ?? ""))),
                    .td(.class("number"), .a(.href(row.href), .text(row.number))), .td(.text(row.organisation)), .td(.text(row.system)),
                    .td(.text(row.total)), .td(.class("date"), .text(row.submitted)),
                    .td(.text(row.status), .unwrap(row.skipReason) { .small(.class("skip"), .text(" · " + l("överhoppat: ", "skipped: ") + $0)) }),
                    .if(forecast, .td(.class("date"), .text(row.expectedStart)))
                )
            })
        ))
    }

    private func commandForm(_ row: QueuePage.Row, command: String, title: String, reasonRequired: Bool) -> Node<HTML.BodyContext> {
        let l = context.language
        return .form(
            .class("stack"), .method(.post), .action(SiteURL.caseCommands(.value(row.caseID)).path),
            .csrf(context.csrfToken),
            .input(.type(.hidden), .name("command"), .value(command)),
            .input(.type(.hidden), .name("version"), .value(String(row.caseVersion))),
            .input(.type(.hidden), .name("return_to"), .value(SiteURL.platformQueue(.value(platform)).path)),
            .if(reasonRequired, .field(l("Skäl", "Reason"), name: "reason", id: "\(command)-reason", required: true)),
            .button(.type(.submit), .id("\(command)-offered"), .class(reasonRequired ? "secondary" : ""), .text(title))
        )
    }
}
