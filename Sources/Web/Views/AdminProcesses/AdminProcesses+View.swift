import Plot

extension AdminProcesses.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Processdefinitioner", "Process definitions"), context,
            .h1(.text(l("Processdefinitioner", "Process definitions"))),
            .unwrap(outcome, outcomeNode),
            .if(versions.isEmpty, .p(.text(l("Inga publicerade versioner ännu.", "No published versions yet.")))),
            .if(!versions.isEmpty, .div(
                .class("scroll"),
                .table(
                    .caption(.text(l("Publicerade versioner", "Published versions"))),
                    .thead(.tr(
                        .th(.text(l("Process", "Process"))), .th(.text(l("Plattform", "Platform"))),
                        .th(.text(l("Innehållshash", "Content hash"))), .th(.text(l("Publicerad", "Published"))),
                        .th(.text(l("Gäller nya ärenden", "Used by new cases")))
                    )),
                    .tbody(.forEach(versions) { version in
                        .tr(
                            .td(.a(.href(SiteURL.adminProcessVersion(.value(version.id), version: .value(version.version)).path),
                                   .text("\(version.id)@\(version.version)"))),
                            .td(.text(version.platform)), .td(.code(.text(version.hashPrefix + "…"))),
                            .td(.text(version.publishedAt)), .td(.text(version.isCurrent ? l("ja", "yes") : l("nej", "no")))
                        )
                    })
                )
            )),
            .h2(.text(l("Publicera från processmappen", "Publish from the processes folder"))),
            .p(.text(l(
                "Läser processfilerna i mappen och publicerar varje ny version. En fil vars id och version redan är publicerade med annat innehåll avvisas. Pågående ärenden behåller sin version.",
                "Reads the process files in the folder and publishes each new version. A file whose id and version are already published with other content is refused. Running cases keep their version."))),
            .p(.text(l("Mapp: ", "Folder: ")), .code(.text(folder))),
            .form(
                .method(.post), .action(SiteURL.adminProcessPublish.path),
                .csrf(context.csrfToken),
                .button(.type(.submit), .text(l("Publicera nya versioner", "Publish new versions")))
            )
        )
    }

    private func outcomeNode(_ outcome: Outcome) -> Node<HTML.BodyContext> {
        let l = context.language
        switch outcome {
        case .published(let references):
            return .p(.class("notice"), .attribute(named: "role", value: "status"),
                      .text(l("Publicerade: ", "Published: ") + references.joined(separator: ", ") + "."))
        case .nothingNew:
            return .p(.class("notice"), .attribute(named: "role", value: "status"),
                      .text(l("Inget nytt att publicera: alla versioner i mappen är redan publicerade.",
                              "Nothing new to publish: every version in the folder is already published.")))
        case .refused(let messages):
            return .div(
                .class("error"), .attribute(named: "role", value: "alert"),
                .p(.text(l("Ingenting publicerades.", "Nothing was published."))),
                .ul(.forEach(messages) { .li(.text($0)) }))
        }
    }
}
