import Plot

extension CaseShow.Model {
    /// Questions and comments: open threads shown, closed ones folded, a new one behind a disclosure.
    var questions: Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("questions"),
            .h2(.text(l("Frågor och kommentarer", "Questions and comments"))),
            .if(threads.isEmpty, .p(.text(l("Inga frågor eller kommentarer ännu.", "No questions or comments yet.")))),
            .forEach(threads.filter { !$0.isClosed }) { threadView($0) },
            .if(threads.contains(where: \.isClosed), .element(named: "details", nodes: [
                .class("closed-threads"),
                .element(named: "summary", nodes: [.text(l(
                    "Stängda trådar (\(threads.filter(\.isClosed).count))",
                    "Closed threads (\(threads.filter(\.isClosed).count))"))]),
                .forEach(threads.filter(\.isClosed)) { threadView($0) },
            ])),
            .element(named: "details", nodes: [
                .class("new-thread"), .id("new-thread"),
                .element(named: "summary", nodes: [.text(l("Ny fråga eller kommentar", "New question or comment"))]),
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
                ),
            ])
        )
    }

    private func threadView(_ thread: CaseShow.Thread) -> Node<HTML.BodyContext> {
        let l = context.language
        return .article(
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
                    .textarea(.name("text"), .id("reply-\(thread.id)"), .rows(2), .required(true))
                ),
                .button(.type(.submit), .text(l("Skicka svar", "Send reply")))
            ))
        )
    }

    /// The newest version of each kind of document, earlier versions folded, and the upload behind a disclosure.
    var documentsSection: Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("documents"),
            .h2(.text(l("Dokument", "Documents"))),
            .if(documents.isEmpty, .p(.text(l("Inga dokument ännu.", "No documents yet.")))),
            .if(!documents.isEmpty, documentTable(documents.compactMap { group in group.versions.first.map { (group.title, $0) } })),
            .if(documents.contains { $0.versions.count > 1 }, .element(named: "details", nodes: [
                .class("earlier-versions"), .id("earlier-versions"),
                .element(named: "summary", nodes: [.text(l(
                    "Tidigare versioner (\(documentCount - documents.count))",
                    "Earlier versions (\(documentCount - documents.count))"))]),
                documentTable(documents.flatMap { group in group.versions.dropFirst().map { (group.title, $0) } }),
            ])),
            .element(named: "details", nodes: [
                .class("upload-document"), .id("upload-document"),
                .element(named: "summary", nodes: [.text(l("Ladda upp ett dokument", "Upload a document"))]),
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
                ),
            ])
        )
    }

    /// Documents as a table: kind, version, file (a link), size, who uploaded it and when.
    private func documentTable(_ rows: [(kind: String, document: CaseShow.Document)]) -> Node<HTML.BodyContext> {
        let l = context.language
        return .div(.class("scroll"), .table(
            .class("documents"),
            .thead(.tr(
                .th(.text(l("Typ", "Kind"))), .th(.text(l("Version", "Version"))), .th(.text(l("Fil", "File"))),
                .th(.text(l("Storlek", "Size"))), .th(.text(l("Uppladdad av", "Uploaded by"))),
                .th(.text(l("Datum", "Date")))
            )),
            .tbody(.forEach(rows) { kind, document in
                .tr(
                    .td(.text(kind)),
                    .td(.text(String(document.version))),
                    .td(.a(.href(document.href.attributeEscaped), .attribute(named: "download"), .text(document.fileName))),
                    .td(.text(document.size)), .td(.text(document.uploader)), .td(.text(document.time))
                )
            })
        ))
    }

    /// One page of what happened, newest first, with links to filter by kind and to page.
    var timelineView: Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("timeline"),
            .h2(.text(l("Händelser", "Timeline"))),
            .nav(
                .class("filters-inline"), .ariaLabel(l("Visa händelser", "Show events")),
                .ul(.forEach(timeline.kinds) { kind in
                    .li(.a(
                        .id("events-\(kind.kind?.rawValue ?? "all")"), .href(kind.href.attributeEscaped),
                        .if(kind.isSelected, .attribute(named: "aria-current", value: "true")),
                        .text(kind.title)))
                })
            ),
            .if(timeline.events.isEmpty, .p(.text(l("Inga händelser att visa.", "No events to show.")))),
            .ol(.class("timeline"), .forEach(timeline.events) { event in
                .li(
                    .class("event \(event.kind.rawValue)"),
                    .span(.class("time"), .text(event.time)), .text(" "),
                    .strong(.class("actor"), .text(event.actor)), .text(" "),
                    .span(.text(event.text))
                )
            }),
            .nav(
                .class("pager"), .ariaLabel(l("Bläddra bland händelserna", "Page through the events")),
                .unwrap(timeline.newerHref) { .a(.id("events-newer"), .href($0.attributeEscaped), .text(l("← Nyare", "← Newer"))) },
                .span(.text(" \(timeline.pageText) ")),
                .unwrap(timeline.olderHref) { .a(.id("events-older"), .href($0.attributeEscaped), .text(l("Äldre →", "Older →"))) }
            )
        )
    }
}
