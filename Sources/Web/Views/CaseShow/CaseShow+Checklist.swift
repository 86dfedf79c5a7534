import Domain
import Plot

extension CaseShow.Model {
    /// The current phase's checklist: filter links, then each section as a disclosure with its counts and one
    /// row per item; an item's actions open from its row, for those who may take them.
    var checklistView: Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("checklist"),
            .h2(.text("\(l("Checklista", "Checklist")): \(phase)")),
            .nav(
                .class("filters-inline"), .ariaLabel(l("Visa punkter", "Show items")),
                .ul(.forEach(checklist.filterLinks) { link in
                    .li(.a(
                        .id("filter-\(link.filter.rawValue)"), .href(link.href.attributeEscaped),
                        .if(link.filter == checklist.filter, .attribute(named: "aria-current", value: "true")),
                        .text(link.title)))
                })
            ),
            .if(checklist.sections.isEmpty, .p(.text(l("Inga punkter att visa.", "No items to show.")))),
            .forEach(checklist.sections) { sectionView($0) }
        )
    }

    private func sectionView(_ section: CaseShow.Section) -> Node<HTML.BodyContext> {
        let l = context.language
        return .element(named: "details", nodes: [
            .class("section"), .id("section-\(section.id)"),
            .if(section.isOpen, .attribute(named: "open")),
            .element(named: "summary", nodes: [
                .span(.class("section-title"), .text(section.title)),
                .span(.class("section-counts"), .text(" " + l(
                    "\(section.done + section.notApplicable) av \(section.done + section.open + section.notApplicable) klara, \(section.open) öppna",
                    "\(section.done + section.notApplicable) of \(section.done + section.open + section.notApplicable) done, \(section.open) open"))),
            ]),
            .table(
                .class("checklist"),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .text(l("Status", "State"))),
                    .th(.attribute(named: "scope", value: "col"), .text(l("Punkt", "Item"))),
                    .th(.attribute(named: "scope", value: "col"), .text(l("Ansvarig", "Owner"))),
                    .th(.attribute(named: "scope", value: "col"), .text(l("Ändrad", "Changed"))),
                    .th(.attribute(named: "scope", value: "col"), .text(l("Underlag", "Evidence")))
                )),
                .tbody(.forEach(section.items) { itemRows($0) })
            ),
        ])
    }

    private func itemRows(_ item: CaseShow.Item) -> Node<HTML.TableContext> {
        let l = context.language
        return .group(
            .tr(
                .id("item-\(item.id)"), .class("item \(item.status.rawValue)"),
                .td(.class("item-state"), .text(item.statusTitle)),
                .td(
                    .span(.class("text"), .text(item.text)),
                    .if(!item.required, .small(.text(" (" + l("frivillig", "optional") + ")"))),
                    .unwrap(item.reason) { .p(.class("note"), .text($0)) },
                    .if(!item.actions.isEmpty, itemActions(item))
                ),
                .td(.class("owner"), .text(item.owner)),
                .td(.class("changed"), .text(item.changed ?? "–")),
                .td(.class("evidence"), .forEach(item.evidence) { evidence in
                    .div(.unwrap(evidence.href, { href in
                        .a(.href(href.attributeEscaped), .text(evidence.text))
                    }, else: .text(evidence.text)))
                })
            )
        )
    }

    /// The item's actions behind a disclosure: each allowed command as a form, and where evidence is a
    /// document, an upload that comes back to this item with the new document chosen.
    private func itemActions(_ item: CaseShow.Item) -> Node<HTML.BodyContext> {
        let l = context.language
        let uploads = item.actions.flatMap(\.evidence).filter { !$0.uploadKinds.isEmpty }
        return .element(named: "details", nodes: [
            .class("item-actions"), .id("actions-\(item.id)"),
            .if(item.isFocused, .attribute(named: "open")),
            .element(named: "summary", nodes: [.text(l("Åtgärder", "Actions")),
                                               .span(.class("visually-hidden"), .text(": " + item.text))]),
            .forEach(item.actions) { actionForm($0, key: item.id, choosingNewest: item.isFocused) },
            .forEach(uploads) { evidence in uploadForm(for: item, kinds: evidence.uploadKinds, key: evidence.kind.rawValue) },
        ])
    }

    private func uploadForm(
        for item: CaseShow.Item, kinds: [(value: String, title: String)], key: String
    ) -> Node<HTML.BodyContext> {
        let l = context.language
        let id = "upload-\(item.id)-\(key)"
        return .form(
            .class("action upload"), .method(.post),
            .action(SiteURL.caseDocuments(.value(self.id)).path + "?item=" + item.id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!),
            .attribute(named: "enctype", value: "multipart/form-data"),
            .csrf(context.csrfToken),
            .if(kinds.count == 1, .input(.type(.hidden), .name("kind"), .value(kinds.first?.value ?? "")), else: .div(
                .class("field"),
                .label(.for("\(id)-kind"), .text(l("Dokumenttyp", "Kind of document"))),
                .select(
                    .attribute(named: "name", value: "kind"), .id("\(id)-kind"),
                    .forEach(kinds) { .choice($0.value, $0.title, selected: false) }
                )
            )),
            .div(
                .class("field"),
                .label(.for(id), .text(l("Eller ladda upp ett nytt dokument", "Or upload a new document")
                    + (kinds.count == 1 ? " (\(kinds[0].title))" : ""))),
                .input(.type(.file), .name("file"), .id(id), .required(true))
            ),
            .button(.type(.submit), .class("secondary"), .text(l("Ladda upp", "Upload")))
        )
    }
}
