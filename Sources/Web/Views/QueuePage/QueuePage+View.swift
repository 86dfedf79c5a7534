import Plot

extension QueuePage.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            "\(l("Kö", "Queue")) \(platform)", context,
            .h1(.text("\(l("Kön till", "The queue for")) \(platform)")),
            .if(platforms.count > 1, .nav(
                .class("tabs"), .ariaLabel(l("Plattformar", "Platforms")),
                .forEach(platforms) { item in
                    item.current ? .strong(.text(item.code)) : .a(.href(item.href), .text(item.code))
                })),
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
                .thead(.tr(.th(.text(l("Ärende", "Case"))), .th(.text(l("Status", "Status"))),
                           .th(.text(l("Plats", "Place"))), .th(.text(l("Ert betyg", "Your score"))))),
                .tbody(.forEach(cases) { own in
                    .tr(.td(.a(.href(own.href), .text(own.number))), .td(.text(own.status)), .td(.class("standing"), .text(own.standing)),
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
                    "\(team.running) av \(team.capacity) platser upptagna, \(team.freePlaces) lediga.",
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
                            "En plats är ledig: \(offered.number) (\(offered.organisation), \(offered.total) poäng) erbjuds.",
                            "A place is free: \(offered.number) (\(offered.organisation), \(offered.total) points) is offered."))),
                        .div(.class("actions"), commandForm(offered, command: "start", title: l("Starta", "Start"), reasonRequired: false),
                             commandForm(offered, command: "skip_in_queue", title: l("Hoppa över", "Skip"), reasonRequired: true))
                    )
                }, else: .p(.id("offered-case"), .text(team.freePlaces == 0
                    ? l("Ingen plats är ledig.", "No place is free.")
                    : l("Inget bedömt ärende är klart att starta.", "No assessed case is ready to start."))))
            ),
            .section(
                .id("waiting"),
                .h2(.text(l("Bedömda ärenden i kö (\(team.waiting.count))", "Assessed cases waiting (\(team.waiting.count))"))),
                .p(.class("note"), .id("forecast-note"), .text(team.forecastNote)),
                table(team.waiting, positions: true, forecast: true)
            ),
            .section(
                .id("not-assessed"),
                .h2(.text(l("Inte bedömda än (\(team.notAssessed.count))", "Not assessed yet (\(team.notAssessed.count))"))),
                table(team.notAssessed, positions: false, forecast: false)
            ),
            .section(
                .id("running"),
                .h2(.text(l("Pågår (\(team.runningRows.count))", "In progress (\(team.runningRows.count))"))),
                table(team.runningRows, positions: false, forecast: false)
            )
        )
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
                    .td(.a(.href(row.href), .text(row.number))), .td(.text(row.organisation)), .td(.text(row.system)),
                    .td(.text(row.total)), .td(.text(row.submitted)),
                    .td(.text(row.status), .unwrap(row.skipReason) { .small(.class("skip"), .text(" · " + l("överhoppat: ", "skipped: ") + $0)) }),
                    .if(forecast, .td(.text(row.expectedStart)))
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
