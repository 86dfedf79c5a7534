import Domain
import Foundation
import Testing

/// A text worded when read behaves as the same words given up front: reading, comparing, hashing, encoding.
@Suite struct LocalizedTextTests {
    struct Greeting: LocalizedTextSource {
        let name: String

        func text(in language: Language) -> String {
            language == .en ? "Hello \(name)." : "Hej \(name)."
        }
    }

    @Test func aDeferredTextReadsComparesHashesAndEncodesAsItsWords() throws {
        let deferred = LocalizedText(deferred: Greeting(name: "Åsa"))
        let worded = LocalizedText(sv: "Hej Åsa.", en: "Hello Åsa.")
        #expect(deferred.sv == "Hej Åsa." && deferred.en == "Hello Åsa.")
        #expect(deferred.text(in: .en) == "Hello Åsa." && deferred.text(in: .sv) == "Hej Åsa.")
        #expect(deferred == worded && deferred.hashValue == worded.hashValue)
        #expect(deferred != LocalizedText(sv: "Hej Åsa.", en: "Hello Asa."))
        #expect(Set([deferred, worded]).count == 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(deferred) == encoder.encode(worded))
        #expect(String(decoding: try encoder.encode(worded), as: UTF8.self) == #"{"en":"Hello Åsa.","sv":"Hej Åsa."}"#)
        #expect(try JSONDecoder().decode(LocalizedText.self, from: encoder.encode(deferred)) == worded)
    }

    @Test func aSentenceIsItsPartsOneAfterAnother() {
        #expect(LocalizedText.sentence() == "")
        #expect(LocalizedText.sentence("", "a", "") == "a")
        #expect(LocalizedText.sentence("PID-3: ", "Åsa", " är ", String(12), " tecken lång; ", "🩻.") == "PID-3: Åsa är 12 tecken lång; 🩻.")
        let long = String(repeating: "ö", count: 200)
        #expect(LocalizedText.sentence(long, "|", long) == long + "|" + long)
    }
}
