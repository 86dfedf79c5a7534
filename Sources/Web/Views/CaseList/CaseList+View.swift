import Plot

extension CaseList.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Ärenden", "Cases"), context,
            .h1(.text(showsFilters ? l("Inkorg", "Inbox") : l("Mina ärenden", "My cases"))),
            .if(canOrder, .p(.a(.id("new-order"), .href(SiteURL.newCase.path), .text(l("Ny beställning", "New order"))))),
            .if(!tabs.isEmpty, .nav(
                .class("tabs"), .ariaLabel(l("Vyer", "Views")),
                .ul(.forEach(tabs) { tab in
                    .li(.a(
                        .id("view-\(tab.view.rawValue)"), .href(tab.href.attributeEscaped),
                        .if(tab.view == selectedView, .attribute(named: "aria-current", value: "page")),
                        .text("\(tab.title) (\(tab.count))")))
                })
            )),
            .if(showsFilters, filters),
            .if(!sortLinks.isEmpty, .nav(
                .class("filters-inline"), .ariaLabel(l("Sortering", "Order")),
                .ul(.forEach(sortLinks) { link in
                    .li(.a(
                        .id("sort-\(link.sort.rawValue)"), .href(link.href.attributeEscaped),
                        .if(link.sort == selectedSort, .attribute(named: "aria-current", value: "true")),
                        .text(link.title)))
                })
            )),
            .unwrap(searchError) { .p(.class("error"), .id("q-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .if(count == 0, .p(.text(l("Inga ärenden att visa.", "No cases to show.")))),
            .forEach(groups.filter { !$0.rows.isEmpty }) { group in
                .group(
                    .unwrap(group.title) { .h2(.text($0)) },
                    table(group.rows)
                )
            }
        )
    }

    private func table(_ rows: [CaseList.Model.Row]) -> Node<HTML.BodyContext> {
        let l = context.language
        return .div(
            .class("scroll"),
            .table(
                .caption(.text(l("\(rows.count) ärenden", "\(rows.count) cases"))),
                .thead(.tr(
                    .th(.text(l("Ärende", "Case"))), .th(.text(l("System", "System"))),
                    .th(.text(l("Organisation", "Organisation"))), .th(.text(l("Plattform", "Platform"))),
                    .th(.text(l("Status", "Status"))), .th(.text(l("Fas", "Phase"))),
                    .th(.text(l("Plats i kön", "Place in queue"))),
                    .if(showsFilters, .group(.th(.text(l("Fasens punkter", "Phase items"))), .th(.text(l("Tur", "Turn"))),
                                             .th(.text(l("Ålder / väntar", "Age / waiting"))))),
                    .th(.text(selectedView == .age ? l("Oförändrat i", "Unchanged for") : l("Ändrat", "Changed")))
                )),
                .tbody(.forEach(rows) { row in
                    .tr(
                        .td(.a(.href(SiteURL.caseShow(.value(row.id)).path), .text(row.number))),
                        .td(.text(row.systemName)), .td(.text(row.organisation)), .td(.text(row.platform)),
                        .td(.text(row.status)), .td(.text(row.phase)), .td(.text(row.queuePlace ?? "–")),
                        .if(showsFilters, .group(
                            .td(.unwrap(row.counts) { counts in
                                .group(
                                    .progressBar(settled: counts.settled, total: counts.total, label: l(
                                        "Fasens obligatoriska punkter för \(row.number)", "Required items of the phase for \(row.number)")),
                                    .text(" \(counts.settled)/\(counts.total)"))
                            }),
                            .td(.class("turn-cell"), .text(row.turn ?? "–")),
                            .td(.text("\(row.caseAge) / \(row.waiting)"))
                        )),
                        .td(.text(selectedView == .age ? row.age : row.updated))
                    )
                })
            )
        )
    }

    private var filters: Node<HTML.BodyContext> {
        let l = context.language
        return .form(
            .class("filters"), .method(.get), .action(SiteURL.cases.path),
            .div(
                .class("field"),
                .label(.for("status"), .text(l("Status", "Status"))),
                .select(
                    .attribute(named: "name", value: "status"), .id("status"),
                    .choice("", l("Alla", "All"), selected: selectedStatus == nil),
                    .forEach(statuses) { .choice($0.value, $0.title, selected: $0.value == selectedStatus) }
                )
            ),
            .field(l("Sök ärendenummer, organisation eller system", "Search case number, organisation or system"),
                   name: "q", id: "q", type: .search, value: search),
            .input(.type(.hidden), .name("view"), .value(selectedView.rawValue)),
            .button(.type(.submit), .text(l("Visa", "Show")))
        )
    }
}
