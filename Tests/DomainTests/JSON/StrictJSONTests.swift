import Domain
import Foundation
import Testing

@Suite("Strict JSON at the API's edge")
struct StrictJSONTests {
    static let strict = [
        #"{}"#, #"[]"#, #" {"platform":"BFR","fields":{"a":"b"}} "#, #"{"a":[1,-0,2.5e-3,1E+9,0.0,true,false,null]}"#,
        #""text \" \\ \/ \b \f \n \r \t \u00e5 \uD83E\uDE7B""#, "\t\r\n[ 1 , 2 ]\n", #"{"a":{"b":{"c":[[]]}}}"#, "12", #""""#,
    ]

    static let loose = [
        (#"{"platform":"BFR",}"#, "expected a member name in quotes"),
        (#"[1,2,]"#, "expected a JSON value"),
        (#"{"a":1 // comment"#, "expected ',' or '}'"),
        (#"{'a':1}"#, "expected a member name in quotes"),
        (#"{a:1}"#, "expected a member name in quotes"),
        (#"{"a":01}"#, "expected ',' or '}'"),
        (#"{"a":NaN}"#, "expected a JSON value"),
        (#"{"a":.5}"#, "expected a JSON value"),
        (#"{"a":1.}"#, "expected a digit after '.'"),
        (#"{"a":+1}"#, "expected a JSON value"),
        (#"{"a":"x\u12"}"#, "expected 4 hex digits after \\u"),
        (#"{"a":"\x41"}"#, "unknown escape"),
        ("{\"a\":\"tab\there\"}", "control character in a string"),
        (#"{"a":1,"a":2}"#, "member name given twice"),
        (#"{"a":1}{"b":2}"#, "text after the JSON value"),
        (#"{"a":tru}"#, "expected true"),
        ("", "unexpected end of the body"),
        (#"{"a":"unterminated}"#, "unterminated string"),
        ("\u{FEFF}{}", "expected a JSON value"),
        (#"{"a":"\uD83E"}"#, "unpaired surrogate escape"),
        (#"{"a":"\uDE7B"}"#, "unpaired surrogate escape"),
        (#"{"a":1E+900}"#, "number out of range"),
    ]

    @Test("RFC 8259 JSON passes", arguments: strict)
    func strictPasses(_ text: String) throws {
        try StrictJSON.validate(Array(text.utf8))
        // And Foundation reads it too: strict is a subset of what the decoder takes.
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) }
    }

    @Test("anything looser is refused with the byte and the reason", arguments: loose)
    func looseRefused(_ text: String, _ reason: String) {
        #expect(throws: StrictJSON.SyntaxError.self) { try StrictJSON.validate(Array(text.utf8)) }
        do throws(StrictJSON.SyntaxError) {
            try StrictJSON.validate(Array(text.utf8))
        } catch {
            #expect(error.reason == reason, "\(text)")
            #expect(error.offset <= text.utf8.count)
        }
    }

    @Test("nesting is bounded, so no body exhausts the stack")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: StrictJSON.SyntaxError.self) { try StrictJSON.validate(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        #expect(throws: Never.self) { try StrictJSON.validate(Array(fine.utf8)) }
    }

    @Test("random mutations of valid bodies never crash, and whatever passes, Foundation also reads")
    func fuzz() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[]",:\ -+.0123456789eEtrufalsnx"#.utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xA5, 0xFF]
        for _ in 0..<20_000 {
            var bytes = Array(Self.strict.randomElement(using: &rng)!.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.insert(alphabet.randomElement(using: &rng)!, at: position)
                case 1 where position < bytes.count: bytes.remove(at: position)
                default: if position < bytes.count { bytes[position] = alphabet.randomElement(using: &rng)! }
                }
            }
            if (try? StrictJSON.validate(bytes)) != nil {
                let read = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
                #expect(read != nil, "passed but Foundation refused: \(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}
