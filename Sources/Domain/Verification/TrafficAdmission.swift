/// Whether traffic from a connecting system is taken, and if not why (the text of the AR, the reason on the
/// protocol): an unknown sender, an address the account does not allow, a paused or revoked account, or a case
/// that is not in a phase taking verification traffic.
public enum TrafficAdmission {
    /// What the decision needs to know about the case.
    public struct CaseStanding: Sendable {
        public let status: CaseStatus
        public let phaseTakesTraffic: Bool

        public init(status: CaseStatus, phaseTakesTraffic: Bool) {
            self.status = status
            self.phaseTakesTraffic = phaseTakesTraffic
        }
    }

    /// Nil when the traffic is taken; else the finding to answer with (table 0357 code 207 for the account and the
    /// case, 204 for an unknown sender).
    public static func refusal(
        account: SystemAccount?, standing: CaseStanding?, peer: IPAddress?, sender: String
    ) -> VerificationFinding? {
        guard let account, let standing else {
            return finding(204, "admission.unknown-sender",
                LocalizedText(sv: "Avsändaren (\(sender)) har inget verifieringskonto.",
                              en: "The sender (\(sender)) has no verification account."))
        }
        if !account.sourceAddresses.isEmpty {
            let ranges = account.sourceAddresses.compactMap(IPRange.init)
            guard let peer, ranges.contains(where: { $0.contains(peer) }) else {
                return finding(207, "admission.source-address",
                    LocalizedText(sv: "Avsändaren \(sender) får inte skicka från \(peer?.description ?? "denna adress").",
                                  en: "The sender \(sender) may not send from \(peer?.description ?? "this address")."))
            }
        }
        switch account.status {
        case .active: break
        case .paused:
            return finding(207, "admission.paused",
                LocalizedText(sv: "Verifieringskontot för \(sender) är pausat.", en: "The verification account of \(sender) is paused."))
        case .revoked:
            return finding(207, "admission.revoked",
                LocalizedText(sv: "Verifieringskontot för \(sender) är återkallat.", en: "The verification account of \(sender) is revoked."))
        }
        guard standing.status == .inProgress, standing.phaseTakesTraffic else {
            return finding(207, "admission.phase",
                LocalizedText(sv: "Ärendet är inte i en fas som tar emot verifieringstrafik.",
                              en: "The case is not in a phase that takes verification traffic."))
        }
        return nil
    }

    private static func finding(_ code: Int, _ rule: String, _ text: LocalizedText) -> VerificationFinding {
        VerificationFinding(.error, code: code, rule: rule, at: .init(segment: "MSH", field: code == 204 ? 3 : nil), text)
    }
}
