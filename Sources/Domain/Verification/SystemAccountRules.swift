import Foundation

/// The rules of verification accounts: what a registration must hold, who may register and change one, and which
/// status changes there are.
public enum SystemAccountRules {
    /// The longest MSH-3/MSH-4 namespace id taken (HL7's IS type allows 20; senders use up to this).
    public static let maximumNameLength = 64

    /// The longest AE title DICOM allows (VR AE).
    public static let maximumAETitleLength = 16

    /// The most calling AE titles one account carries: a modality fleet or an archive's nodes, not a site's every device.
    public static let maximumAETitles = 16

    /// Every broken rule of a registration, at its field: an HL7 sender (both names) or DICOM calling AE titles, or
    /// both; the names are 1-64 printable ASCII characters without HL7's delimiters (they are matched against MSH-3
    /// and MSH-4 byte for byte); each AE title 1-16 printable ASCII characters without a backslash (VR AE; leading
    /// and trailing spaces do not count), at most 16 of them and none twice; each source address an IP address or
    /// a CIDR range.
    public static func errors(
        application: String, facility: String, aeTitles: [String] = [], sourceAddresses: [String]
    ) -> [FieldError] {
        var errors: [FieldError] = []
        let hasHL7 = !application.isEmpty || !facility.isEmpty
        if !hasHL7 && aeTitles.isEmpty {
            errors.append(FieldError(
                field: "hl7SendingApplication", code: "no-sender",
                message: LocalizedText(
                    sv: "Ange en HL7-avsändare (MSH-3 och MSH-4), en eller flera DICOM AE-titlar, eller båda.",
                    en: "Give an HL7 sender (MSH-3 and MSH-4), one or more DICOM AE titles, or both.")))
        }
        for (field, value) in [("hl7SendingApplication", application), ("hl7SendingFacility", facility)] where hasHL7 {
            if !isName(value, upTo: maximumNameLength, of: 0x21...0x7E, except: "|^~\\&") {
                errors.append(FieldError(
                    field: field, code: "invalid-hl7-name",
                    message: LocalizedText(
                        sv: "Ska vara 1-\(maximumNameLength) tecken (A-Z, 0-9 och skiljetecken utom | ^ ~ \\ &), som i MSH-3/MSH-4.",
                        en: "Must be 1-\(maximumNameLength) characters (A-Z, 0-9 and punctuation except | ^ ~ \\ &), as in MSH-3/MSH-4.")))
            }
        }
        errors += aeTitleErrors(aeTitles)
        for (index, address) in sourceAddresses.enumerated() where IPRange(address) == nil {
            errors.append(FieldError(
                field: "sourceAddresses/\(index)", code: "invalid-address",
                message: LocalizedText(
                    sv: "\"\(address)\" är ingen IP-adress eller CIDR-range (192.0.2.10, 192.0.2.0/24, 2001:db8::/32).",
                    en: "\"\(address)\" is no IP address or CIDR range (192.0.2.10, 192.0.2.0/24, 2001:db8::/32).")))
        }
        return errors
    }

    /// The AE titles as stored and matched: without the spaces that pad them (VR AE), so ` CT1 ` is `CT1`.
    public static func normalised(aeTitles: [String]) -> [String] {
        aeTitles.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The broken rules of a list of calling AE titles, each at `dicomAETitles/<index>`.
    private static func aeTitleErrors(_ aeTitles: [String]) -> [FieldError] {
        var errors: [FieldError] = []
        if aeTitles.count > maximumAETitles {
            errors.append(FieldError(
                field: "dicomAETitles", code: "too-many-ae-titles",
                message: LocalizedText(
                    sv: "Ett konto har högst \(maximumAETitles) AE-titlar; registrera fler konton för fler.",
                    en: "An account has at most \(maximumAETitles) AE titles; register more accounts for more.")))
        }
        var seen: Set<String> = []
        for (index, title) in normalised(aeTitles: aeTitles).enumerated() {
            if !isName(title, upTo: maximumAETitleLength, of: 0x20...0x7E, except: "\\") {
                errors.append(FieldError(
                    field: "dicomAETitles/\(index)", code: "invalid-ae-title",
                    message: LocalizedText(
                        sv: "En AE-titel är 1-\(maximumAETitleLength) tecken (A-Z, 0-9, mellanslag och skiljetecken utom \\).",
                        en: "An AE title is 1-\(maximumAETitleLength) characters (A-Z, 0-9, space and punctuation except \\).")))
            } else if !seen.insert(title).inserted {
                errors.append(FieldError(
                    field: "dicomAETitles/\(index)", code: "duplicate-ae-title",
                    message: LocalizedText(
                        sv: "AE-titeln \(title) står redan i listan; varje titel anges en gång.",
                        en: "The AE title \(title) is already in the list; give each title once.")))
            }
        }
        return errors
    }

    /// Whether `value` is 1 to `maximum` characters, each in the ASCII `range` and none of `excluded`.
    private static func isName(_ value: String, upTo maximum: Int, of range: ClosedRange<UInt32>, except excluded: String) -> Bool {
        !value.isEmpty && value.count <= maximum
            && value.unicodeScalars.allSatisfy { range.contains($0.value) && !excluded.unicodeScalars.contains($0) }
    }

    /// Why someone holding `roles` may not register or change an account on a case in `status` whose current phase
    /// does (or does not) take verification traffic; nil when they may. Technicians of the case's platform manage
    /// verification accounts (DESIGN.md §5); registering needs the case in such a phase, while pausing and revoking
    /// stay possible whatever the case's state.
    public static func refusal(
        holding roles: Set<Role>, registering: Bool, status: CaseStatus, phaseTakesTraffic: Bool
    ) -> CaseRefusal? {
        guard roles.contains(.technician) else {
            return CaseRefusal(.missingRole, LocalizedText(
                sv: "Verifieringskonton registreras och ändras av plattformens tekniker.",
                en: "Verification accounts are registered and changed by the platform's technicians."))
        }
        if registering, status != .inProgress || !phaseTakesTraffic {
            return CaseRefusal(.wrongState, LocalizedText(
                sv: "Ärendet är inte i en fas som tar emot verifieringstrafik; konton registreras där.",
                en: "The case is not in a phase that takes verification traffic; accounts are registered there."))
        }
        return nil
    }

    /// Why someone holding `roles` may not close a test session; nil when they may. The platform's technicians,
    /// who run the tests, and coordinators, who run the process, close a session and so freeze its protocol.
    public static func closeRefusal(holding roles: Set<Role>) -> CaseRefusal? {
        guard roles.isDisjoint(with: [.technician, .coordinator]) else { return nil }
        return CaseRefusal(.missingRole, LocalizedText(
            sv: "En testsession stängs av plattformens tekniker eller samordnare.",
            en: "A test session is closed by the platform's technicians or coordinators."))
    }

    /// Why an account's calling AE titles may not be changed; nil when they may. A revoked account is closed for
    /// good and its titles have gone free for others, so only an active or paused account's list changes.
    public static func aeTitlesRefusal(status: SystemAccount.Status) -> CaseRefusal? {
        guard status == .revoked else { return nil }
        return CaseRefusal(.wrongState, LocalizedText(
            sv: "Kontot är återkallat; dess AE-titlar ändras inte längre.",
            en: "The account is revoked; its AE titles no longer change."))
    }

    /// Whether `from` may become `to`: active and paused both ways, either to revoked; revoked is final.
    public static func mayChange(from: SystemAccount.Status, to: SystemAccount.Status) -> Bool {
        from != to && from != .revoked
    }
}
