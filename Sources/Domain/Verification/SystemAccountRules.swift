import Foundation

/// The rules of verification accounts: what a registration must hold, who may register and change one, and which
/// status changes there are.
public enum SystemAccountRules {
    /// The longest MSH-3/MSH-4 namespace id taken (HL7's IS type allows 20; senders use up to this).
    public static let maximumNameLength = 64

    /// The longest AE title DICOM allows (VR AE).
    public static let maximumAETitleLength = 16

    /// Every broken rule of a registration, at its field: an HL7 sender (both names) or a DICOM calling AE title,
    /// or both; the names are 1-64 printable ASCII characters without HL7's delimiters (they are matched against
    /// MSH-3 and MSH-4 byte for byte); the AE title 1-16 printable ASCII characters without a backslash (VR AE;
    /// leading and trailing spaces do not count); each source address an IP address or a CIDR range.
    public static func errors(
        application: String, facility: String, aeTitle: String? = nil, sourceAddresses: [String]
    ) -> [FieldError] {
        var errors: [FieldError] = []
        let title = aeTitle?.trimmingCharacters(in: .whitespaces) ?? ""
        let hasHL7 = !application.isEmpty || !facility.isEmpty
        if !hasHL7 && title.isEmpty {
            errors.append(FieldError(
                field: "hl7SendingApplication", code: "no-sender",
                message: LocalizedText(
                    sv: "Ange en HL7-avsändare (MSH-3 och MSH-4), en DICOM AE-titel, eller båda.",
                    en: "Give an HL7 sender (MSH-3 and MSH-4), a DICOM AE title, or both.")))
        }
        for (field, value) in [("hl7SendingApplication", application), ("hl7SendingFacility", facility)] where hasHL7 {
            if value.isEmpty || value.count > maximumNameLength
                || !value.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && !"|^~\\&".unicodeScalars.contains($0) })
            {
                errors.append(FieldError(
                    field: field, code: "invalid-hl7-name",
                    message: LocalizedText(
                        sv: "Ska vara 1-\(maximumNameLength) tecken (A-Z, 0-9 och skiljetecken utom | ^ ~ \\ &), som i MSH-3/MSH-4.",
                        en: "Must be 1-\(maximumNameLength) characters (A-Z, 0-9 and punctuation except | ^ ~ \\ &), as in MSH-3/MSH-4.")))
            }
        }
        if let aeTitle, !aeTitle.isEmpty,
           title.isEmpty || title.count > maximumAETitleLength
            || !title.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) && $0 != "\\" })
        {
            errors.append(FieldError(
                field: "dicomAETitle", code: "invalid-ae-title",
                message: LocalizedText(
                    sv: "En AE-titel är 1-\(maximumAETitleLength) tecken (A-Z, 0-9, mellanslag och skiljetecken utom \\).",
                    en: "An AE title is 1-\(maximumAETitleLength) characters (A-Z, 0-9, space and punctuation except \\).")))
        }
        for (index, address) in sourceAddresses.enumerated() where IPRange(address) == nil {
            errors.append(FieldError(
                field: "sourceAddresses/\(index)", code: "invalid-address",
                message: LocalizedText(
                    sv: "\"\(address)\" är ingen IP-adress eller CIDR-range (192.0.2.10, 192.0.2.0/24, 2001:db8::/32).",
                    en: "\"\(address)\" is no IP address or CIDR range (192.0.2.10, 192.0.2.0/24, 2001:db8::/32).")))
        }
        return errors
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

    /// Whether `from` may become `to`: active and paused both ways, either to revoked; revoked is final.
    public static func mayChange(from: SystemAccount.Status, to: SystemAccount.Status) -> Bool {
        from != to && from != .revoked
    }
}
