import Domain
import Plot

extension CaseShow.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            "\(l("Ärende", "Case")) \(number)", context,
            .h1(.text("\(l("Ärende", "Case")) \(number)")),
            .dl(
                .class("facts"),
                .dt(.text(l("Plattform", "Platform"))), .dd(.text(platform)),
                .dt(.text(l("Organisation", "Organisation"))), .dd(.text(organisation)),
                .dt(.text(l("System", "System"))), .dd(.text(systemName)),
                .dt(.text(l("Status", "Status"))), .dd(.id("case-status"), .text(status)),
                .dt(.text(l("Fas", "Phase"))), .dd(.text(phase)),
                .unwrap(queuePlace) { place in
                    .group(.dt(.text(l("Plats i kön", "Place in the queue"))), .dd(.id("queue-place"), .text(place)))
                }
            ),
            .unwrap(todo) { todo in
                .section(
                    .id("todo"), .class("todo"),
                    .h2(.text(l("Att göra nu", "What to do now"))),
                    .ul(.forEach(todo) { .li(.text($0)) })
                )
            },
            .if(!problem.isEmpty, .div(
                .class("error"), .id("case-problem"), .attribute(named: "role", value: "alert"),
                .forEach(problem) { .p(.text($0)) }
            )),
            .unwrap(notice) { .div(.class("notice"), .id("case-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            .if(!risks.isEmpty, .div(
                .class("error"), .id("case-risks"),
                .h2(.text(l("Riskflaggor i beställningen", "Risk flags in the order"))),
                .ul(.forEach(risks) { .li(.text($0)) })
            )),
            .p(.a(
                .id("order-link"), .href(SiteURL.caseOrder(.value(id)).path),
                .text(orderIsEditable ? l("Fyll i och skicka in beställningen", "Fill in and submit the order")
                                      : l("Visa beställningen", "Show the order")))),
            .if(!actions.isEmpty, .section(
                .h2(.text(l("Åtgärder", "Actions"))),
                .div(.class("actions"), .forEach(actions) { actionForm($0) })
            )),
            .section(
                .h2(.text("\(l("Checklista", "Checklist")): \(phase)")),
                .forEach(sections) { section in
                    .group(
                        .h3(.text(section.title)),
                        .ul(.class("checklist"), .forEach(section.items) { itemView($0) })
                    )
                }
            ),
            questions,
            documentsSection,
            .section(
                .h2(.text(l("Händelser", "Timeline"))),
                .ol(.class("timeline"), .forEach(timeline) { event in
                    .li(.span(.class("time"), .text(event.time)), .text(" "), .span(.text(event.text)))
                })
            )
        )
    }

    private func itemView(_ item: CaseShow.Item) -> Node<HTML.ListContext> {
        let l = context.language
        return .li(
            .id("item-\(item.id)"), .class("item \(item.status.rawValue)"),
            .div(
                .span(.class("state"), .text(item.statusTitle)), .text(" "),
                .span(.class("text"), .text(item.text)),
                .small(.text(" (\(item.owner)\(item.required ? "" : ", " + l("frivillig", "optional")))"))
            ),
            .unwrap(item.note) { .p(.class("note"), .text($0)) },
            .forEach(item.actions) { actionForm($0) }
        )
    }

    private func actionForm(_ action: CaseShow.Action) -> Node<HTML.BodyContext> {
        let l = context.language
        let key = [action.command.rawValue, action.item ?? "case"].joined(separator: "-")
        return .form(
            .class("action"), .method(.post), .action(SiteURL.caseCommands(.value(id)).path),
            .csrf(context.csrfToken),
            .input(.type(.hidden), .name("version"), .value(String(version))),
            .input(.type(.hidden), .name("command"), .value(action.command.rawValue)),
            .unwrap(action.item) { .input(.type(.hidden), .name("item"), .value($0.attributeEscaped)) },
            .unwrap(action.phase) { .input(.type(.hidden), .name("phase"), .value($0.attributeEscaped)) },
            .forEach(action.evidence) { evidence in
                .field("\(l("Underlag", "Evidence")): \(evidence.title)", name: "evidence_\(evidence.kind)",
                       id: "\(key)-\(evidence.kind)", required: true)
            },
            .if(!action.outcomes.isEmpty, .div(
                .class("field"),
                .label(.for("\(key)-outcome"), .text(l("Beslut", "Decision"))),
                .select(
                    .attribute(named: "name", value: "outcome"), .id("\(key)-outcome"),
                    .forEach(action.outcomes) { .choice($0.value, $0.title, selected: false) }
                )
            )),
            .if(action.reason != .none, .field(
                action.reason == .required ? l("Skäl", "Reason") : l("Skäl (frivilligt)", "Reason (optional)"),
                name: "reason", id: "\(key)-reason", required: action.reason == .required)),
            .button(.type(.submit), .text(action.title))
        )
    }

    private var documentsSection: Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("documents"),
            .h2(.text(l("Dokument", "Documents"))),
            .if(documents.isEmpty, .p(.text(l("Inga dokument ännu.", "No documents yet.")))),
            .forEach(documents) { group in
                .group(
                    .h3(.text(group.title)),
                    .table(
                        .class("documents"),
                        .tr(
                            .th(.text(l("Version", "Version"))), .th(.text(l("Fil", "File"))),
                            .th(.text(l("Storlek", "Size"))), .th(.text(l("Uppladdad av", "Uploaded by"))),
                            .th(.text(l("Datum", "Date")))
                        ),
                        .forEach(group.versions) { document in
                            .tr(
                                .td(.text(String(document.version))),
                                .td(.a(.href(document.href.attributeEscaped), .attribute(named: "download"),
                                       .text(document.fileName))),
                                .td(.text(document.size)), .td(.text(document.uploader)), .td(.text(document.time))
                            )
                        }
                    )
                )
            },
            .form(
                .class("stack"), .method(.post), .action(SiteURL.caseDocuments(.value(id)).path),
                .attribute(named: "enctype", value: "multipart/form-data"),
                .csrf(context.csrfToken),
                .div(
                    .class("field"),
                    .label(.for("document-kind"), .text(l("Dokumenttyp", "Kind of document"))),
                    .select(
                        .attribute(named: "name", value: "kind"), .id("document-kind"),
                        .forEach(documentKinds) { .choice($0.value, $0.title, selected: false) }
                    )
                ),
                .div(
                    .class("field"),
                    .label(.for("document-file"), .text(l("Fil", "File"))),
                    .input(.type(.file), .name("file"), .id("document-file"), .required(true)),
                    .small(.text(l(
                        "Högst \(maxUpload). PDF, PNG, JPEG, Word, Excel eller text (UTF-8); innehållet kontrolleras.",
                        "At most \(maxUpload). PDF, PNG, JPEG, Word, Excel or text (UTF-8); the content is checked.")))
                ),
                .button(.type(.submit), .text(l("Ladda upp", "Upload")))
            )
        )
    }

    private var questions: Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .h2(.text(l("Frågor och kommentarer", "Questions and comments"))),
            .forEach(threads) { thread in
                .article(
                    .class("thread"), .id("thread-\(thread.id.uuidString.lowercased())"),
                    .h3(.text("\(thread.title) – \(thread.status)")),
                    .forEach(thread.messages) { message in
                        .div(
                            .class("message"),
                            .p(.class("meta"), .text("\(message.author), \(message.time)")),
                            .p(.class("body"), .text(message.body))
                        )
                    },
                    .if(!thread.isClosed, .form(
                        .method(.post),
                        .action(SiteURL.threadMessages(.value(id), thread: .value(thread.id)).path),
                        .csrf(context.csrfToken),
                        .div(
                            .class("field"),
                            .label(.for("reply-\(thread.id)"), .text(l("Svar", "Reply"))),
                            .textarea(.name("text"), .id("reply-\(thread.id)"), .rows(3), .required(true))
                        ),
                        .button(.type(.submit), .text(l("Skicka svar", "Send reply")))
                    ))
                )
            },
            .form(
                .class("stack"), .method(.post), .action(SiteURL.caseThreads(.value(id)).path),
                .csrf(context.csrfToken),
                .div(
                    .class("field"),
                    .label(.for("thread-kind"), .text(l("Typ", "Kind"))),
                    .select(
                        .attribute(named: "name", value: "kind"), .id("thread-kind"),
                        .choice("question", l("Fråga", "Question"), selected: true),
                        .choice("comment", l("Kommentar", "Comment"), selected: false)
                    )
                ),
                .div(
                    .class("field"),
                    .label(.for("thread-text"), .text(l("Text", "Text"))),
                    .textarea(.name("text"), .id("thread-text"), .rows(4), .required(true))
                ),
                .button(.type(.submit), .text(l("Skicka", "Send")))
            )
        )
    }
}
