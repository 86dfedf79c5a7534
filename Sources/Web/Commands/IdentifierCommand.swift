import Domain
import Foundation
import Vapor

/// `anslut id VALUE [--oid OID] [--json]`: what a Swedish identifier is, whether it is valid, and why not.
/// Exit 0 when valid, 1 when not. Needs no database.
struct IdentifierCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "value", help: "The identifier, e.g. 19121212-1212, SE2321000131-E000000000001.")
        var value: String

        @Option(name: "oid", help: "The OID of the identifier's kind; needed for local reservnummer.")
        var oid: String?

        @Flag(name: "json", help: "Print the report as JSON.")
        var json: Bool

        init() {}
    }

    var help: String { "Tells what a Swedish identifier is and whether it is valid (personnummer, HSA-id, …)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = IdentifierInspector.inspect(signature.value, oid: signature.oid, today: .today())
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(report.text.utf8))
        }
        if !report.valid { throw CommandExit(status: 1) }
    }
}
