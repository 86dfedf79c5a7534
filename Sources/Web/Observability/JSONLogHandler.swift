import Domain
import Foundation
import Logging

/// Writes each log record as one JSON object per line on standard error, for log collectors.
///
/// Keys: `time` (UTC, milliseconds), `level`, `label`, `message`, `source`, plus every metadata key.
struct JSONLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let label: String

    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: CanonicalJSON] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = Self.json(value)
        }
        fields["time"] = .string(AuditTimestamp.format(Date()))
        fields["level"] = .string(event.level.rawValue)
        fields["label"] = .string(label)
        fields["message"] = .string(event.message.description)
        fields["source"] = .string(event.source)
        if let error = event.error { fields["error"] = .string(String(describing: error)) }
        FileHandle.standardError.write(Data((CanonicalJSON.object(fields).encoded + "\n").utf8))
    }

    private static func json(_ value: Logger.Metadata.Value) -> CanonicalJSON {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let members): .object(members.mapValues(json))
        }
    }
}
