import Domain
import Foundation
import HL7

/// An ACK made before its own control id (MSH-10) is known: the verification environment numbers its ACKs by the
/// message's place in its session, which only the shared write that stores it decides. Everything else (the
/// findings' ERR segments, the sender's encoding and character set) is built on the connection's own thread, and
/// the write only puts the id in (BENCHMARKS.md, MLLP end to end).
public struct HL7AcknowledgementTemplate: Sendable {
    /// The ACK up to MSH-10, and from its end.
    private let head: [UInt8]
    private let tail: [UInt8]

    /// The template of `HL7Acknowledgement.build(for:code:findings:controlID:at:)`.
    public init(for message: Message, code: AcknowledgementCode, findings: [VerificationFinding], at time: Date) {
        let bytes = HL7Acknowledgement.build(for: message, code: code, findings: findings, controlID: "", at: time)
        let start = Self.controlIDStart(in: bytes) ?? bytes.count
        head = Array(bytes[..<start])
        tail = Array(bytes[start...])
    }

    /// The ACK with `controlID`, which must be plain ASCII letters, digits and dashes (nothing to escape).
    public func filled(controlID: String) -> [UInt8] {
        var ack = [UInt8]()
        ack.reserveCapacity(head.count + controlID.utf8.count + tail.count)
        ack += head
        ack += controlID.utf8
        ack += tail
        return ack
    }

    /// Where MSH-10 starts: after MSH's ninth field separator (MSH-1 is the first), counted in the MSH segment
    /// alone. A separator inside a value is escaped, so every raw one ends a field.
    static func controlIDStart(in ack: [UInt8]) -> Int? {
        guard ack.count > 3 else { return nil }
        let separator = ack[3]
        var seen = 0
        for index in 3..<ack.count {
            if ack[index] == 0x0D { return nil }
            if ack[index] == separator {
                seen += 1
                if seen == 9 { return index + 1 }
            }
        }
        return nil
    }
}
