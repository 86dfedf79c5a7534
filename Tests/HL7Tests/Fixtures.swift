import Foundation
import HL7

/// Realistic Swedish messages shared by the suites.
enum Fixtures {
    /// ADT^A01 in UTF-8: PID-3 with a personnummer (HD with OID and ISO) and a local RIS id; å ä ö in names.
    static let admitSegments = [
        #"MSH|^~\&|TakeCare|SU|BFR|VGR|20260115083000||ADT^A01^ADT_A01|MSG00001|P|2.5.1|||AL|NE|SWE|UNICODE UTF-8"#,
        "EVN|A01|20260115083000",
        "PID|1||191212121212^^^&1.2.752.129.2.1.3.1&ISO^PN~123456^^^RIS&1.2.752.113.11.0.2.1.1.1&ISO^PI||"
            + "Tolvansson^Tolvan^Åsa||19121212|M|||Storgatan 1^^Göteborg^^41319^SE||+46311234567",
        #"PV1|1|I|Röntgen Sahlgrenska^12^1||||SE2321000131-1234^Öberg^Märta"#,
        #"AL1|1|DA|^Penicillin^L|MO|Utslag \T\ klåda"#,
    ]

    static var admit: String { admitSegments.joined(separator: "\r") + "\r" }

    /// The same message declared as 8859/1 and encoded in Latin-1.
    static var admitLatin1Bytes: [UInt8] {
        let text = admit.replacingFirst("UNICODE UTF-8", with: "8859/1")
        return text.unicodeScalars.map { UInt8($0.value) }
    }

    /// ORU^R01 with several OBX and formatting escapes, as an RIS sends a report.
    static let report =
        [
            #"MSH|^~\&|RIS|SU|EHR|VGR|20260115090000||ORU^R01^ORU_R01|RPT0042|P|2.5.1|||||SWE|UNICODE UTF-8"#,
            "PID|1||199001012388^^^&1.2.752.129.2.1.3.3&ISO^PN||Bäckström^Sören",
            "OBR|1|4711^TakeCare||CT-HJ^DT hjärna^SE-RAD",
            #"OBX|1|TX|RAD^Utlåtande||Ingen blödning.\.br\Ingen expansivitet.||||||F"#,
            #"OBX|2|TX|RAD^Utlåtande||Jämfört med 2025-01-01\S\oförändrat \F\ stabilt||||||F"#,
        ].joined(separator: "\r") + "\r"
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

/// SplitMix64: a small seeded generator so that fuzz runs are the same on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
