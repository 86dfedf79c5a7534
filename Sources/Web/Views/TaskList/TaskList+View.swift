import Plot

extension TaskList.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Mina uppgifter", "My tasks"), context,
            .h1(.text(l("Mina uppgifter", "My tasks"))),
            .p(.class("meta"), .text(l(
                "Öppna punkter i den aktuella fasen som dina roller äger, i ärenden under bedömning eller som pågår. Beslut vid grindar står först; äldst ändrade ärenden först.",
                "Open items of the current phase that your roles own, in cases in triage or in progress. Decisions at gates come first; the cases changed longest ago first."))),
            .if(cases.isEmpty, .p(.id("no-tasks"), .text(l("Inga uppgifter väntar på dig.", "No tasks wait for you.")))),
            .forEach(cases) { item in
                .section(
                    .class("thread"), .id("tasks-\(item.number)"),
                    .h2(.a(.href(SiteURL.caseShow(.value(item.id)).path), .text(item.number)), .text(" – \(item.title)")),
                    .p(.class("meta"), .text(item.phase)),
                    .ul(.forEach(item.tasks) { task in
                        .li(
                            .class(task.isDecision ? "decision" : "task"),
                            .strong(.text(task.kind)), .text(": \(task.text)"))
                    })
                )
            }
        )
    }
}
