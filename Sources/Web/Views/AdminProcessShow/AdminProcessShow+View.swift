import Plot

extension AdminProcessShow.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            "\(id)@\(version)", context,
            .p(.a(.href(SiteURL.adminProcesses.path), .text(l("Alla processdefinitioner", "All process definitions")))),
            .h1(.text("\(title) (\(id)@\(version))")),
            .dl(
                .class("facts"),
                .dt(.text(l("Plattform", "Platform"))), .dd(.text(platform)),
                .dt(.text(l("Version", "Version"))), .dd(.text(String(version))),
                .dt(.text(l("Innehållshash", "Content hash"))), .dd(.code(.text(contentHash)))
            ),
            .forEach(phases) { phase in
                .section(
                    .h2(.text(phase.title), .span(.class("meta"), .text(" (\(phase.id))"))),
                    .p(.text(l("Grind: beslut fattas av ", "Gate: decided by ") + phase.decisionRole + "; "
                        + (phase.decisions.isEmpty
                            ? l("inga beslutspunkter, bara de obligatoriska punkterna.", "no decisions, only the required items.")
                            : l("beslutspunkter: ", "decisions: ") + phase.decisions.joined(separator: "; ") + "."))),
                    .forEach(phase.sections) { section in
                        .group(
                            .h3(.text(section.title)),
                            .div(
                                .class("scroll"),
                                .table(
                                    .thead(.tr(
                                        .th(.text(l("Punkt", "Item"))), .th(.text(l("Typ", "Kind"))),
                                        .th(.text(l("Ansvarig roll", "Owner role"))), .th(.text(l("Obligatorisk", "Required"))),
                                        .th(.text(l("Underlag", "Evidence")))
                                    )),
                                    .tbody(.forEach(section.items) { item in
                                        .tr(
                                            .td(.text(item.text), .span(.class("meta"), .text(" (\(item.id))"))),
                                            .td(.text(item.kind)), .td(.text(item.owner)),
                                            .td(.text(item.isRequired ? l("ja", "yes") : l("nej", "no"))),
                                            .td(.text(item.evidence.isEmpty ? "–" : item.evidence))
                                        )
                                    })
                                )
                            )
                        )
                    }
                )
            }
        )
    }
}
