import Plot

extension AdminPlatforms.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Plattformar", "Platforms"), context,
            .h1(.text(l("Plattformar", "Platforms"))),
            .if(platforms.isEmpty, .p(.text(l("Inga plattformar ännu.", "No platforms yet.")))),
            .forEach(platforms) { platform in
                .section(
                    .h2(.a(.href(SiteURL.adminPlatform(.value(platform.code)).path), .text(platform.code))),
                    .dl(
                        .class("facts"),
                        .dt(.text(l("Process", "Process"))),
                        .dd(.unwrap(platform.process, { process in
                            .group(
                                .a(.href(SiteURL.adminProcessVersion(.value(process.id), version: .value(process.version)).path),
                                   .text("\(process.id)@\(process.version)")),
                                .text(" – \(process.title)"))
                        }, else: .text(l("ingen publicerad", "none published")))),
                        .unwrap(platform.process) { process in
                            .group(.dt(.text(l("Innehållshash", "Content hash"))), .dd(.code(.text(process.hashPrefix + "…"))))
                        },
                        .dt(.text(l("Ärenden", "Cases"))), .dd(.text(String(platform.total)))
                    ),
                    .if(!platform.counts.isEmpty, .div(
                        .class("scroll"),
                        .table(
                            .caption(.text(l("Ärenden per status på \(platform.code)", "Cases by status on \(platform.code)"))),
                            .thead(.tr(.th(.text(l("Status", "Status"))), .th(.text(l("Antal", "Number"))))),
                            .tbody(.forEach(platform.counts) { count in
                                .tr(.td(.text(count.status)), .td(.text(String(count.count))))
                            })
                        )
                    ))
                )
            }
        )
    }
}
