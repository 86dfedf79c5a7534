/// A received message's summary and findings as stored with it, written with `JSONWriter` in the shape
/// `JSONEncoder` gives them (keys sorted, absent optionals left out), so that `JSONDecoder` reads them back.
/// `JSONEncoder` was a tenth of the CPU time of every message received over MLLP (BENCHMARKS.md, MLLP end to end).
public enum StoredMessageJSON {
    public static func summary(_ summary: HL7MessageSummary) -> [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.object { json in
            json.key("controlID")
            json.string(summary.controlID)
            json.key("event")
            json.string(summary.event)
            json.key("mergedIdentifiers")
            identifiers(summary.mergedIdentifiers, to: &json)
            json.key("patientIdentifiers")
            identifiers(summary.patientIdentifiers, to: &json)
            json.key("processingID")
            json.string(summary.processingID)
            json.key("segments")
            json.array(summary.segments) { json, segment in json.string(segment) }
            json.key("sendingApplication")
            json.string(summary.sendingApplication)
            json.key("sendingFacility")
            json.string(summary.sendingFacility)
            json.key("type")
            json.string(summary.type)
            json.key("version")
            json.string(summary.version)
        }
        return json.bytes
    }

    public static func findings(_ findings: [VerificationFinding]) -> [UInt8] {
        var json = JSONWriter(capacity: 64 + 256 * findings.count)
        json.array(findings) { json, finding in
            json.object { json in
                json.key("code")
                json.int(finding.code)
                if let location = finding.location {
                    json.key("location")
                    self.location(location, to: &json)
                }
                json.key("rule")
                json.string(finding.rule)
                json.key("severity")
                json.string(finding.severity.rawValue)
                json.key("text")
                json.object { json in
                    json.key("en")
                    json.string(finding.text.en)
                    json.key("sv")
                    json.string(finding.text.sv)
                }
            }
        }
        return json.bytes
    }

    private static func identifiers(_ identifiers: [HL7MessageSummary.Identifier], to json: inout JSONWriter) {
        json.array(identifiers) { json, identifier in
            json.object { json in
                if let kind = identifier.kind {
                    json.key("kind")
                    json.string(kind.rawValue)
                }
                json.key("value")
                json.string(identifier.value)
            }
        }
    }

    private static func location(_ location: VerificationFinding.Location, to json: inout JSONWriter) {
        json.object { json in
            let parts: [(String, Int?)] = [
                ("component", location.component), ("field", location.field), ("occurrence", location.occurrence),
                ("repetition", location.repetition),
            ]
            for (name, value) in parts {
                guard let value else { continue }
                json.key(name)
                json.int(value)
            }
            json.key("segment")
            json.string(location.segment)
            if let subcomponent = location.subcomponent {
                json.key("subcomponent")
                json.int(subcomponent)
            }
        }
    }
}
