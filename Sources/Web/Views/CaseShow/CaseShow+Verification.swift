import Plot

extension CaseShow.Model {
    /// The verification environment: accounts (sender, addresses, status, the changes allowed), the register form,
    /// and each test session with its counts, the profile's test cases met and the chain's head.
    func verificationView(_ verification: CaseShow.Verification) -> Node<HTML.BodyContext> {
        let l = context.language
        return .section(
            .id("verification"),
            .h2(.text(l("Verifieringsmiljön", "Verification environment"))),
            .if(verification.accounts.isEmpty, .p(.text(l("Inga verifieringskonton ännu.", "No verification accounts yet.")))),
            .if(!verification.accounts.isEmpty, .div(.class("scroll"), .table(
                .class("accounts"),
                .thead(.tr(
                    .th(.text(l("Avsändare (MSH-3^MSH-4, AE-titel)", "Sender (MSH-3^MSH-4, AE title)"))), .th(.text(l("Adresser", "Addresses"))),
                    .th(.text(l("Status", "Status"))), .th(.text(l("Åtgärd", "Action")))
                )),
                .tbody(.forEach(verification.accounts) { account in
                    .tr(
                        .td(
                            .unwrap(account.hl7Sender) { .text($0) },
                            .if(!account.aeTitles.isEmpty, .ul(.class("ae-titles"), .forEach(account.aeTitles) { .li(.text("AE " + $0)) })),
                            .if(account.mayChangeAETitles, aeTitlesForm(account))
                        ),
                        .td(.text(account.addresses)), .td(.text(account.status)),
                        .td(.forEach(account.changes) { change in
                            .form(
                                .class("inline"), .method(.post),
                                .action(SiteURL.caseAccountStatus(.value(id), account: .value(account.id)).path),
                                .csrf(context.csrfToken),
                                .input(.type(.hidden), .name("version"), .value(String(account.version))),
                                .input(.type(.hidden), .name("status"), .value(change.value)),
                                .button(.type(.submit), .class("secondary"), .text(change.title))
                            )
                        })
                    )
                })
            ))),
            .if(verification.mayRegister, .element(named: "details", nodes: [
                .id("register-account"),
                .element(named: "summary", nodes: [.text(l("Registrera ett verifieringskonto", "Register a verification account"))]),
                .form(
                    .class("stack"), .method(.post), .action(SiteURL.caseAccounts(.value(id)).path),
                    .csrf(context.csrfToken),
                    .p(.class("note"), .text(l("En HL7-avsändare, DICOM AE-titlar, eller båda.", "An HL7 sender, DICOM AE titles, or both."))),
                    .field(l("Sändande applikation (MSH-3)", "Sending application (MSH-3)"), name: "application", id: "account-application"),
                    .field(l("Sändande enhet (MSH-4)", "Sending facility (MSH-4)"), name: "facility", id: "account-facility"),
                    .textField(aeTitlesLabel, name: "aeTitles", id: "account-ae-titles", value: "", rows: 2, error: nil),
                    .field(l("Tillåtna adresser (IP eller CIDR, kommaseparerade; tomt för alla)", "Allowed addresses (IP or CIDR, comma separated; empty for any)"),
                           name: "addresses", id: "account-addresses"),
                    .button(.type(.submit), .text(l("Registrera", "Register")))
                ),
            ])),
            .forEach(verification.sessions) { session in
                .article(
                    .class("thread"),
                    .h3(.a(.href(SiteURL.caseTestSession(.value(id), session: .value(session.id)).path),
                           .text("\(l("Testsession", "Test session")) \(session.opened), \(session.sender)"))),
                    .p(.class("meta"), .text("\(session.profile) · \(session.messages) \(l("meddelanden", "messages")): \(session.acknowledgements)")),
                    .ul(.forEach(session.testCases) { testCase in
                        .li(.text((testCase.met ? "✓ " : "○ ") + testCase.title + (testCase.met ? "" : " – " + l("ej uppfyllt", "not met"))))
                    }),
                    .p(.class("meta"), .text("\(l("Kedjans huvud", "Chain head")): \(session.head)")),
                    .unwrap(session.closed) { .p(.strong(.text($0))) },
                    .unwrap(session.protocolHash) { .p(.class("meta"), .text("\(l("Testprotokollets hash", "Test protocol hash")): \($0)")) },
                    .p(.class("meta"), .a(
                        .href(SiteURL.caseTestSession(.value(id), session: .value(session.id)).path),
                        .text(session.closed == nil
                            ? l("Öppen: följ sessionen live (sidan uppdaterar sig själv)", "Open: follow the session live (the page reloads itself)")
                            : l("Testprotokollet (utskrivbart)", "The test protocol (printable)")))),
                    .if(session.mayClose, .form(
                        .class("inline"), .method(.post),
                        .action(SiteURL.caseTestSessionClose(.value(id), session: .value(session.id)).path),
                        .csrf(context.csrfToken),
                        .button(.type(.submit), .text(l("Stäng sessionen och frys testprotokollet", "Close the session and freeze the test protocol")))
                    ))
                )
            }
        )
    }

    private var aeTitlesLabel: String {
        context.language(
            "Anropande AE-titlar (DICOM), åtskilda med komma, mellanslag eller radbrytning",
            "Calling AE titles (DICOM), separated by commas, spaces or line breaks")
    }

    /// Replaces an account's calling AE titles: the list as it is, to be edited in place.
    private func aeTitlesForm(_ account: CaseShow.Verification.Account) -> Node<HTML.BodyContext> {
        let l = context.language
        return .element(named: "details", nodes: [
            .element(named: "summary", nodes: [.text(l("Ändra AE-titlar", "Change AE titles"))]),
            .form(
                .class("stack"), .method(.post),
                .action(SiteURL.caseAccountAETitles(.value(id), account: .value(account.id)).path),
                .csrf(context.csrfToken),
                .input(.type(.hidden), .name("version"), .value(String(account.version))),
                .textField(
                    aeTitlesLabel, name: "aeTitles", id: "account-ae-titles-\(account.id.uuidString.lowercased())",
                    value: account.aeTitles.joined(separator: "\n"), rows: 3, error: nil),
                .button(.type(.submit), .class("secondary"), .text(l("Spara AE-titlarna", "Save the AE titles")))
            ),
        ])
    }
}
