import Domain
import Foundation
import Plot

extension TestSessionPage.Model {
    var html: HTML {
        let l = context.language
        let title = open
            ? l("Testsession \(testProtocol.caseNumber) (öppen)", "Test session \(testProtocol.caseNumber) (open)")
            : l("Testprotokoll \(testProtocol.caseNumber)", "Test protocol \(testProtocol.caseNumber)")
        return Layout.page(
            title, context, refresh: refreshSeconds,
            .p(.class("crumbs"), .a(.href(SiteURL.caseShow(.value(caseID)).path + "#verification"),
                                    .text(l("Tillbaka till ärendet", "Back to the case")))),
            .h1(.text(title)),
            .p(.class(open ? "notice" : "verdict"), .attribute(named: "role", value: "status"), .text(headline)),
            facts,
            testCases(testProtocol.testCases, id: "test-cases", title: l("Testfall (HL7)", "Test cases (HL7)")),
            counts,
            findings(testProtocol.findings, id: "findings", title: l("Fynd per regel (HL7)", "Findings by rule (HL7)")),
            messages,
            .unwrap(testProtocol.dicom) { dicomPart($0) },
            .if(mayClose, .form(
                .class("inline"), .method(.post),
                .action(SiteURL.caseTestSessionClose(.value(caseID), session: .value(sessionID)).path),
                .csrf(context.csrfToken),
                .button(.type(.submit), .text(l("Stäng sessionen och frys testprotokollet",
                                                "Close the session and freeze the test protocol")))
            ))
        )
    }

    private var headline: String {
        let l = context.language
        let verdict = testProtocol.verdict == .passed
            ? l("Alla profilens testfall är uppfyllda.", "Every test case of the profile is met.")
            : l("Inte alla profilens testfall är uppfyllda.", "Not every test case of the profile is met.")
        guard open else { return verdict }
        return l("Sessionen är öppen: nya meddelanden från kontot hamnar här och sidan uppdateras var \(refreshSeconds ?? 0):e sekund. ",
                 "The session is open: new messages from the account land here and the page reloads every \(refreshSeconds ?? 0) seconds. ")
            + verdict + l(" Protokollet fryses när sessionen stängs.", " The protocol is frozen when the session closes.")
    }

    private var facts: Node<HTML.BodyContext> {
        let l = context.language
        let p = testProtocol
        var rows: [(String, String)] = [
            (l("Ärende", "Case"), p.caseNumber),
            (l("Plattform", "Platform"), p.platform),
            (l("System", "System"), p.system.isEmpty ? "–" : p.system),
            (l("Avsändare (MSH-3^MSH-4)", "Sender (MSH-3^MSH-4)"), p.sender),
            (l("Konto", "Account"), p.account),
            (l("Miljö", "Environment"), p.environment == SystemAccount.Environment.verification.rawValue
                ? l("verifieringsmiljön", "verification environment") : p.environment),
            (l("Profil", "Profile"), "\(p.profile.id) \(l("version", "version")) \(p.profile.version)"),
            (l("Profilens hash (SHA-256)", "Profile hash (SHA-256)"), p.profile.contentHash),
            (l("Öppnad", "Opened"), Self.time(p.openedAt)),
            (open ? l("Läst", "Read at") : l("Stängd", "Closed"), Self.time(p.closedAt)),
            (l("Meddelanden", "Messages"), String(p.messages.count)),
            (l("Sessionskedjans huvud", "Session chain head"), p.chainHead),
        ]
        if let protocolHash { rows.append((l("Protokollets hash (SHA-256)", "Protocol hash (SHA-256)"), protocolHash)) }
        return .section(
            .id("protocol-facts"),
            .element(named: "dl", nodes: [.class("facts"), .forEach(rows) { row in
                // Hashes are 64 hexadecimal digits: set apart, and allowed to break anywhere on a narrow page.
                .group(.element(named: "dt", text: row.0), .element(named: "dd", nodes: [
                    .class(row.1.count == 64 && row.1.allSatisfy(\.isHexDigit) ? "hash" : ""), .text(row.1)]))
            }]),
            .if(!open, .p(.class("meta"), .text(l(
                "Protokollet som JSON, exakt som det lagrats och hashats: ", "The protocol as JSON, exactly as stored and hashed: ")),
                .a(.href("/api/v1/cases/\(caseID.uuidString.lowercased())/test-sessions/\(sessionID.uuidString.lowercased())/protocol"),
                   .text("JSON"))))
        )
    }

    private func testCases(_ results: [TestProtocol.TestCaseResult], id: String, title: String) -> Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id(id),
            .h2(.text(title)),
            .table(
                .thead(.tr(.th(.text(l("Testfall", "Test case"))), .th(.text(l("Uppfyllt", "Met"))),
                           .th(.text(l("Första meddelande", "First message"))))),
                .tbody(.forEach(results) { testCase in
                    .tr(
                        .td(.text(testCase.title.text(in: l))),
                        .td(.class(testCase.met ? "met" : "unmet"), .text(testCase.met ? l("✓ ja", "✓ yes") : l("○ nej", "○ no"))),
                        .td(.text(testCase.metBy.map { "#\($0)" } ?? "–"))
                    )
                })
            )
        )
    }

    private var counts: Node<HTML.BodyContext> {
        let l = context.language
        let acknowledgements = AcknowledgementCode.allCases.map { ($0.rawValue, testProtocol.acknowledgements[$0.rawValue] ?? 0) }
        return .section(
            .id("counts"),
            .h2(.text(l("Antal", "Counts"))),
            .div(.class("pair"),
                 .table(
                    .caption(.text(l("Per meddelandetyp", "By message type"))),
                    .tbody(.forEach(testProtocol.messageTypes.sorted { $0.key < $1.key }) { type in
                        .tr(.th(.text(type.key)), .td(.text(String(type.value))))
                    })),
                 .table(
                    .caption(.text(l("Per ACK-kod", "By ACK code"))),
                    .tbody(.forEach(acknowledgements) { code in .tr(.th(.text(code.0)), .td(.text(String(code.1)))) })))
        )
    }

    private func findings(_ groups: [TestProtocol.FindingGroup], id: String, title: String) -> Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id(id),
            .h2(.text(title)),
            groups.isEmpty
                ? .p(.text(l("Inga fynd.", "No findings.")))
                : .div(.class("scroll"), .table(
                    .thead(.tr(
                        .th(.text(l("Regel", "Rule"))), .th(.text(l("Allvar", "Severity"))), .th(.text(l("Kod (0357)", "Code (0357)"))),
                        .th(.text(l("Antal", "Count"))), .th(.text(l("Platser", "Locations"))), .th(.text(l("Beskrivning", "Description"))))),
                    .tbody(.forEach(groups) { group in
                        .tr(
                            .td(.code(.text(group.rule))), .td(.text(Self.severity(group.severity, l))),
                            .td(.text(String(group.code))), .td(.text(String(group.count))),
                            .td(.text(group.locations.isEmpty ? "–" : group.locations.joined(separator: ", "))),
                            .td(.text(group.text.text(in: l)))
                        )
                    })))
        )
    }

    private var messages: Node<HTML.BodyContext> {
        let l = context.language
        let all = testProtocol.messages
        let shown = messageLimit.map { Array(all.suffix($0).reversed()) } ?? all
        return .section(
            .id("messages"),
            .h2(.text(l("Meddelanden", "Messages"))),
            .if(shown.count < all.count, .p(.class("meta"), .text(l(
                "De \(shown.count) senaste av \(all.count), nyast först; det frysta protokollet listar alla.",
                "The newest \(shown.count) of \(all.count), newest first; the frozen protocol lists every one.")))),
            .div(.class("scroll"), .table(
                .class("hashes"),
                .thead(.tr(
                    .th(.text("#")), .th(.text(l("Mottaget", "Received"))), .th(.text(l("Typ", "Type"))),
                    .th(.text(l("Kontroll-id (MSH-10)", "Control id (MSH-10)"))), .th(.text("ACK")),
                    .th(.text(l("SHA-256 av meddelandet", "Message SHA-256"))), .th(.text(l("Kedjehash", "Chain hash"))))),
                .tbody(.forEach(shown) { entry in
                    .tr(
                        .td(.text(String(entry.sequence))), .td(.text(Self.time(entry.receivedAt))), .td(.text(entry.message)),
                        .td(.text(entry.controlID)), .td(.text(entry.acknowledgement.rawValue)),
                        .td(.class("hash"), .text(entry.sha256)), .td(.class("hash"), .text(entry.hash))
                    )
                })
            ))
        )
    }

    /// The DICOM objects: the profile, counts by SOP class, transfer syntax and status, the test cases, the
    /// findings and each object with its UIDs and hashes.
    private func dicomPart(_ dicom: TestProtocol.DICOMPart) -> Node<HTML.BodyContext> {
        let l = context.language
        let counts: [(String, [String: Int])] = [
            (l("Per SOP-klass", "By SOP class"), dicom.sopClasses), (l("Per överföringssyntax", "By transfer syntax"), dicom.transferSyntaxes),
            (l("Per C-STORE-status", "By C-STORE status"), dicom.statuses),
        ]
        let shown = messageLimit.map { Array(dicom.objects.suffix($0).reversed()) } ?? dicom.objects
        return .section(
            .id("dicom"),
            .h2(.text("DICOM")),
            .p(.text(l("Profil", "Profile") + " \(dicom.profile.id) " + l("version", "version") + " \(dicom.profile.version) · "
                + l("\(dicom.objects.count) objekt i \(dicom.studies) undersökningar och \(dicom.series) serier",
                    "\(dicom.objects.count) objects in \(dicom.studies) studies and \(dicom.series) series"))),
            .p(.class("meta hash"), .text(l("Profilens hash: ", "Profile hash: ") + dicom.profile.contentHash)),
            .div(.class("pair"), .forEach(counts) { count in
                .table(
                    .caption(.text(count.0)),
                    .tbody(.forEach(count.1.sorted { $0.key < $1.key }) { .tr(.th(.text($0.key)), .td(.text(String($0.value)))) }))
            }),
            testCases(dicom.testCases, id: "dicom-test-cases", title: l("Testfall (DICOM)", "Test cases (DICOM)")),
            findings(dicom.findings, id: "dicom-findings", title: l("Fynd per regel (DICOM)", "Findings by rule (DICOM)")),
            .h3(.text(l("Objekt", "Objects"))),
            .if(shown.count < dicom.objects.count, .p(.class("meta"), .text(l(
                "De \(shown.count) senaste av \(dicom.objects.count), nyast först.",
                "The newest \(shown.count) of \(dicom.objects.count), newest first.")))),
            .div(.class("scroll"), .table(
                .class("hashes"),
                .thead(.tr(
                    .th(.text("#")), .th(.text(l("Mottaget", "Received"))), .th(.text(l("SOP-klass", "SOP class"))),
                    .th(.text(l("Undersökning / serie / instans (UID)", "Study / series / instance (UID)"))), .th(.text("Status")),
                    .th(.text(l("SHA-256 av filen", "File SHA-256"))), .th(.text(l("Kedjehash", "Chain hash"))))),
                .tbody(.forEach(shown) { object in
                    .tr(
                        .td(.text(String(object.sequence))), .td(.text(Self.time(object.receivedAt))),
                        .td(.text(object.sopClassUID)),
                        .td(.class("hash"), .text("\(object.studyInstanceUID) / \(object.seriesInstanceUID) / \(object.sopInstanceUID)")),
                        .td(.text(object.status)), .td(.class("hash"), .text(object.sha256)), .td(.class("hash"), .text(object.hash))
                    )
                })
            ))
        )
    }

    private static func severity(_ severity: VerificationFinding.Severity, _ l: Domain.Language) -> String {
        switch severity {
        case .error: l("fel", "error")
        case .warning: l("varning", "warning")
        case .information: l("information", "information")
        }
    }

    /// A protocol time (ISO 8601, UTC) as the pages show times; as written when it does not parse.
    private static func time(_ text: String) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return parser.date(from: text).map(PageTime.formatWithZone) ?? text
    }
}
