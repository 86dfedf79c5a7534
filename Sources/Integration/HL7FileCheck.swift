import Domain
import HL7

/// Checks the messages of a file (one after another, as `anslut hl7 check` reads them) against the platform
/// profiles: each message is parsed, its profile found (the one asked for, else the one whose receiving
/// application is MSH-5), and checked as the verification environment would.
public enum HL7FileCheck {
    /// One message's result.
    public struct Result: Sendable, Encodable {
        /// 1 for the first message of the file.
        public let index: Int
        /// Where the message starts in the file.
        public let byteOffset: Int
        public let message: String
        public let controlID: String
        /// The profile it was checked against, `id@version`; nil when none could be chosen.
        public let profile: String?
        public let acknowledgement: AcknowledgementCode
        public let findings: [VerificationFinding]
    }

    /// The results for `bytes`; `profileID` picks the profile for every message.
    public static func check(_ bytes: [UInt8], profiles: [HL7Profile], profileID: String?, today: CivilDate) -> [Result] {
        let checks = profiles.map(HL7MessageCheck.init)
        let split = MessageSplitter.split(bytes)
        if split.messageRanges.isEmpty {
            return [rejected(index: 1, offset: 0, rule: "frame.no-message", LocalizedText(
                sv: "Filen innehåller inget meddelande som börjar med MSH.", en: "The file holds no message starting with MSH."))]
        }
        return split.messageRanges.enumerated().map { index, range -> Result in
            let message: Message
            do throws(HL7Error) {
                message = try Message(bytes: Array(bytes[range]))
            } catch {
                return rejected(index: index + 1, offset: range.lowerBound + (error.position?.byteOffset ?? 0), rule: "frame.unreadable",
                                LocalizedText(sv: "Meddelandet kan inte läsas: \(error.description)", en: "The message cannot be read: \(error.description)"))
            }
            let receiver = message.receivingApplication?.namespaceID
            let chosen = checks.first { check in profileID.map { check.profile.id == $0 } ?? (check.profile.receivingApplication == receiver) }
            guard let check = chosen else {
                return rejected(index: index + 1, offset: range.lowerBound, rule: "profile.unknown", LocalizedText(
                    sv: "Ingen profil för \(profileID ?? "MSH-5 \(receiver ?? "")"); ange --profile.",
                    en: "No profile for \(profileID ?? "MSH-5 \(receiver ?? "")"); give --profile."))
            }
            let (findings, summary) = check.check(message, verification: true, today: today)
            return Result(
                index: index + 1, byteOffset: range.lowerBound, message: summary.messageName, controlID: summary.controlID,
                profile: "\(check.profile.id)@\(check.profile.version)", acknowledgement: .for(findings), findings: findings)
        }
    }

    private static func rejected(index: Int, offset: Int, rule: String, _ text: LocalizedText) -> Result {
        Result(index: index, byteOffset: offset, message: "", controlID: "", profile: nil, acknowledgement: .rejected,
               findings: [VerificationFinding(.error, code: 207, rule: rule, at: nil, text)])
    }
}
