import Domain
import Foundation
import Persistence

/// The case page's model, built from one read of the case and what belongs to it. The page's query picks the
/// checklist filter (`filter`), the item whose actions start open (`item`), and the timeline's kind and page
/// (`events`, `events_page`); links on the page keep the rest of the query.
struct CasePage {
    /// What the page's query asks for.
    struct Query: Sendable {
        var filter: CaseShow.Checklist.Filter?
        var item: String?
        var events: CaseTimeline.Kind?
        var eventsPage = 1

        /// The query as a link, with `change` applied; the anchor takes the reader to the part that changed. The
        /// item asked for is kept only when `change` sets it.
        func href(_ caseID: UUID, anchor: String, _ change: (inout Query) -> Void) -> String {
            var query = self
            query.item = nil
            change(&query)
            var parts: [String] = []
            if let filter = query.filter { parts.append("filter=\(filter.rawValue)") }
            if let item = query.item {
                parts.append("item=" + (item.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            }
            if let events = query.events { parts.append("events=\(events.rawValue)") }
            if query.eventsPage > 1 { parts.append("events_page=\(query.eventsPage)") }
            return SiteURL.caseShow(.value(caseID)).path + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
                + "#" + anchor
        }
    }

    static let eventsPerPage = 10

    /// The query and anchor that open the page at `item`'s row with its actions open.
    static func itemQuery(_ item: String) -> String {
        let escaped = item.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "?item=\(escaped)#item-\(escaped)"
    }

    let record: CaseRecord
    let definition: ProcessDefinition
    let roles: Set<Role>
    let documents: [CaseDocuments.Document]
    /// The case's closed test sessions: the protocols Anslut wrote, which test protocol evidence may name.
    let protocols: [TestSession]
    /// The case's assessments, oldest first: what assessment evidence may name.
    let assessments: [RecordedAssessment]
    let events: [AuditEvent]
    let people: CasePeople
    let query: Query
    let now: Date
    let language: Domain.Language

    private var l: Domain.Language { language }

    /// The part of the page that says where the case stands.
    func progress(questionsForApplicant: Int) -> CaseShow.Progress {
        let progress = CaseProgress(record.state, in: definition, questionsForApplicant: questionsForApplicant)
        let timestamps = ISO8601DateFormatter()
        timestamps.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        // The current phase began with the last command that moved the case into it (or with the case).
        let phaseMoves: Set<CaseCommand.Name> = [.submit, .beginTriage, .start, .completePhase, .migrate]
        let phaseStart = events.last { event in
            if case .caseCommand(let name)? = event.auditAction { return phaseMoves.contains(name) }
            return false
        }.flatMap { timestamps.date(from: $0.occurredAt) } ?? record.createdAt
        return CaseShow.Progress(
            phases: progress.phases.map { .init(title: $0.title.text(in: l), standing: $0.standing) },
            counts: progress.counts, turn: progress.turn.title.text(in: l),
            caseAge: PageTime.age(from: record.createdAt, to: now, l),
            phaseAge: PageTime.age(from: phaseStart, to: now, l))
    }

    /// The current phase's checklist as the filter shows it; `focus` is the item whose actions start open.
    func checklist(actions: [ItemID: [CaseShow.Action]], focus: String?) -> CaseShow.Checklist {
        let phase = definition.phases.first { $0.id == record.state.currentPhase }
        // Staff see every item unless they ask; an applicant starts at what is theirs to do.
        let filter = query.filter ?? (roles.contains(.applicant) ? .mine : .all)
        let sections = (phase?.sections ?? []).compactMap { section -> CaseShow.Section? in
            let states = section.items.map { record.state.itemState($0.id).status }
            let shown = section.items.filter { item in
                switch filter {
                case .all: true
                case .open: record.state.itemState(item.id).status == .open
                case .mine: SeparationOfDuties.mayWork(item, holding: roles)
                }
            }
            guard !shown.isEmpty else { return nil }
            let hasFocus = shown.contains { $0.id.rawValue == focus }
            return CaseShow.Section(
                id: section.id.rawValue, title: section.title.text(in: l),
                done: states.filter { $0 == .done }.count, open: states.filter { $0 == .open }.count,
                notApplicable: states.filter { $0 == .notApplicable }.count,
                isOpen: hasFocus || query.filter != nil && filter != .all,
                items: shown.map { item(for: $0, actions: actions[$0.id] ?? [], focus: focus) })
        }
        let links = CaseShow.Checklist.Filter.allCases.map { candidate in
            (candidate, filterTitle(candidate), query.href(record.id, anchor: "checklist") { $0.filter = candidate })
        }
        return CaseShow.Checklist(
            filter: filter, filterLinks: links, sections: sections,
            openCount: phase.map { record.state.openRequiredItems(in: $0).count } ?? 0)
    }

    private func item(for item: ProcessDefinition.Item, actions: [CaseShow.Action], focus: String?) -> CaseShow.Item {
        let state = record.state.itemState(item.id)
        let changed = state.changedAt.map { at in
            let who = state.changedBy.flatMap(UUID.init(uuidString:)).map { people.nameAndRole(.user($0)) }
            return [who, PageTime.format(at)].compactMap { $0 }.joined(separator: ", ")
        }
        return CaseShow.Item(
            id: item.id.rawValue, text: item.text.text(in: l), owner: item.owner.title.text(in: l),
            required: item.isRequired, status: state.status, statusTitle: Self.title(state.status, l),
            changed: changed, reason: state.reason, evidence: state.evidence.map(evidenceLink),
            actions: actions, isFocused: item.id.rawValue == focus)
    }

    private func evidenceLink(_ evidence: Evidence) -> CaseShow.EvidenceLink {
        if evidence.kind == .assessment, let assessment = assessments.first(where: { $0.id.uuidString.lowercased() == evidence.reference.lowercased() }) {
            return CaseShow.EvidenceLink(
                kind: evidence.kind.rawValue, text: assessmentTitle(assessment),
                href: SiteURL.caseAssessment(.value(record.id)).path)
        }
        if evidence.kind == .testProtocol, let session = protocols.first(where: { $0.id.uuidString.lowercased() == evidence.reference.lowercased() }) {
            return CaseShow.EvidenceLink(kind: evidence.kind.rawValue, text: protocolTitle(session), href: nil)
        }
        guard evidence.kind != .comment,
              let document = documents.first(where: { $0.id.uuidString.lowercased() == evidence.reference.lowercased() })
        else {
            return CaseShow.EvidenceLink(kind: evidence.kind.rawValue, text: evidence.reference, href: nil)
        }
        let unverified = document.kind == .testProtocol ? l(", uppladdat, inte verifierat av Anslut", ", uploaded, not verified by Anslut") : ""
        return CaseShow.EvidenceLink(
            kind: evidence.kind.rawValue,
            text: "\(document.fileName) (\(document.kind.title.text(in: l)) v\(document.version)\(unverified))",
            href: SiteURL.caseDocument(.value(record.id), document: .value(document.id)).path)
    }

    /// "Testprotokoll från Anslut, 2026-12-06 10:15 CET, 14 meddelanden".
    private func protocolTitle(_ session: TestSession) -> String {
        l("Testprotokoll från Anslut, \(PageTime.formatWithZone(session.openedAt)), \(session.messageCount) meddelanden",
          "Test protocol by Anslut, \(PageTime.formatWithZone(session.openedAt)), \(session.messageCount) messages")
    }

    /// "Bedömning 2: 12 poäng, Cora Carlsson, 2026-12-06 10:15".
    private func assessmentTitle(_ recorded: RecordedAssessment) -> String {
        l("Bedömning \(recorded.sequence): \(recorded.assessment.total) poäng, \(recorded.assessorName), \(PageTime.format(recorded.assessedAt))",
          "Assessment \(recorded.sequence): \(recorded.assessment.total) points, \(recorded.assessorName), \(PageTime.format(recorded.assessedAt))")
    }

    /// The evidence fields of a tick: documents of a fitting kind to choose from, newest first, and the kinds an
    /// upload in the same step may have.
    func evidenceFields(_ kinds: [EvidenceKind]) -> [CaseShow.Action.EvidenceField] {
        kinds.map { kind in
            if kind == .assessment {
                return CaseShow.Action.EvidenceField(
                    kind: kind, title: kind.title.text(in: l),
                    documents: assessments.reversed().map { ($0.id.uuidString.lowercased(), assessmentTitle($0)) })
            }
            let fitting: (DocumentKind) -> Bool = kind == .testProtocol ? { $0 == .testProtocol } : { $0 != .testProtocol }
            let written = kind == .testProtocol ? protocols.map { ($0.id.uuidString.lowercased(), protocolTitle($0)) } : []
            let choices = written + documents.filter { fitting($0.kind) }.sorted { $0.uploadedAt > $1.uploadedAt }.map {
                ($0.id.uuidString.lowercased(), "\($0.fileName) (\($0.kind.title.text(in: l)) v\($0.version))")
            }
            let uploadKinds = kind == .comment ? [] : DocumentKind.allCases.filter(fitting).map {
                ($0.rawValue, $0.title.text(in: l))
            }
            return CaseShow.Action.EvidenceField(
                kind: kind, title: kind.title.text(in: l), documents: choices, uploadKinds: uploadKinds)
        }
    }

    /// One page of the timeline, newest first, filtered by kind.
    func timeline() -> CaseShow.Timeline {
        let all = CaseTimeline.events(events, definition: definition, people: people, language: l).reversed()
            .filter { query.events == nil || $0.kind == query.events }
        let pages = max(1, (all.count + Self.eventsPerPage - 1) / Self.eventsPerPage)
        let page = min(max(1, query.eventsPage), pages)
        let shown = Array(all.dropFirst((page - 1) * Self.eventsPerPage).prefix(Self.eventsPerPage))
        let kinds = ([nil] + CaseTimeline.Kind.allCases.map { Optional($0) }).map { kind in
            (kind, kind?.title(l) ?? l("Alla", "All"),
             query.href(record.id, anchor: "timeline") { $0.events = kind; $0.eventsPage = 1 }, kind == query.events)
        }
        return CaseShow.Timeline(
            events: shown, total: events.count, kinds: kinds,
            newerHref: page > 1 ? query.href(record.id, anchor: "timeline") { $0.eventsPage = page - 1 } : nil,
            olderHref: page < pages ? query.href(record.id, anchor: "timeline") { $0.eventsPage = page + 1 } : nil,
            pageText: l("sida \(page) av \(pages)", "page \(page) of \(pages)"))
    }

    /// The applicant's "Att göra nu": sentences, and the items to do by section with links to their rows.
    func todo(_ tasks: [ApplicantTask], standing: OnboardingQueue.Standing?) -> [CaseShow.Todo] {
        ApplicantTaskText.lines(tasks, standing: standing, language: l) { item in
            query.href(record.id, anchor: "item-\(item.id.rawValue)") { $0.filter = .mine; $0.item = item.id.rawValue }
        }
    }

    private func filterTitle(_ filter: CaseShow.Checklist.Filter) -> String {
        switch filter {
        case .open: l("Öppna", "Open")
        case .mine: l("Mina", "Mine")
        case .all: l("Alla", "All")
        }
    }

    static func title(_ status: ItemStatus, _ l: Domain.Language) -> String {
        switch status {
        case .open: l("Öppen", "Open")
        case .done: l("Klar", "Done")
        case .notApplicable: l("Ej tillämplig", "Not applicable")
        }
    }
}
