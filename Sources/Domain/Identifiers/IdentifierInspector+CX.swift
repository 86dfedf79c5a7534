extension IdentifierInspector {
    /// The two parts of an HL7 v2 CX value (reference §4.3) that say what an identifier is: CX.1,
    /// the value, and the OID in CX.4, the assigning authority. A text without `^` is all value.
    ///
    /// The canonical CX.4 is `&OID&ISO` (HD.2 and HD.3). An OID as a plain CX.4 (HD.1, the namespace
    /// ID, as in Inera's PCD-01 guide) is accepted with an `oid-in-namespace-id` warning; an HD.3
    /// other than `ISO` beside an OID gives `universal-id-type-not-iso`.
    struct CompositeID {
        let value: String
        let oid: String?
        let warnings: [IdentifierIssue]

        init(_ text: String) {
            let components = text.split(separator: "^", omittingEmptySubsequences: false)
            value = String(components[0])
            let authority = components.count > 3 ? components[3] : ""
            let parts = authority.split(separator: "&", omittingEmptySubsequences: false)
            let universalID = parts.count > 1 ? parts[1] : ""
            if !universalID.isEmpty {
                oid = String(universalID)
                let type = parts.count > 2 ? String(parts[2]) : ""
                warnings = type == "ISO" ? [] : [.universalIDTypeNotISO(type)]
            } else if !parts[0].isEmpty {
                oid = String(parts[0])
                warnings = [.oidInNamespaceID]
            } else {
                oid = nil
                warnings = []
            }
        }
    }
}
