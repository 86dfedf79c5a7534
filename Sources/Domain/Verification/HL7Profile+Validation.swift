extension HL7Profile {
    /// Every mistake in the profile itself, as sentences naming the place: a profile with any is refused when
    /// loaded, so traffic is never checked against a broken one.
    public func problems() -> [LocalizedText] {
        var problems: [LocalizedText] = []
        func add(_ sv: String, _ en: String) { problems.append(LocalizedText(sv: sv, en: en)) }
        if !Self.isCode(platform) { add("platform: \"\(platform)\" är ingen plattformskod.", "platform: \"\(platform)\" is no platform code.") }
        if version < 1 { add("version: måste vara 1 eller mer.", "version: must be 1 or more.") }
        if versions.isEmpty { add("versions: minst en HL7-version.", "versions: at least one HL7 version.") }
        if processingIDs.isEmpty { add("processing_ids: minst ett.", "processing_ids: at least one.") }
        var seenMessages = Set<String>()
        for (index, message) in messages.enumerated() {
            let place = "messages[\(index)] (\(message.name))"
            if !seenMessages.insert(message.name).inserted {
                add("\(place): finns redan.", "\(place): is already listed.")
            }
            if message.segments.first?.id != "MSH" {
                add("\(place): första segmentet ska vara MSH.", "\(place): the first segment must be MSH.")
            }
            let ids = message.segments.map(\.id)
            if Set(ids).count != ids.count {
                add("\(place): ett segment står två gånger.", "\(place): a segment is listed twice.")
            }
            for segment in message.segments {
                if !Self.isSegmentID(segment.id) {
                    add("\(place): \"\(segment.id)\" är inget segment-id.", "\(place): \"\(segment.id)\" is no segment id.")
                }
                if segment.min < 0 || segment.max.map({ $0 < max(segment.min, 1) }) == true {
                    add("\(place): \(segment.id) har min \(segment.min) och max \(segment.max ?? -1).",
                        "\(place): \(segment.id) has min \(segment.min) and max \(segment.max ?? -1).")
                }
            }
            for path in message.requiredFields where !Self.isFieldPath(path) {
                add("\(place): \"\(path)\" är ingen fältsökväg (som PID-5.1).", "\(place): \"\(path)\" is no field path (such as PID-5.1).")
            }
        }
        var seenCases = Set<String>()
        for testCase in testCases {
            if !seenCases.insert(testCase.id).inserted {
                add("test_cases: \(testCase.id) finns redan.", "test_cases: \(testCase.id) is already listed.")
            }
            let parts = testCase.message.split(separator: "^").map(String.init)
            if parts.count != 2 || rule(type: parts[0], event: parts[1]) == nil {
                add("test_cases: \(testCase.id) gäller \(testCase.message), som profilen inte tar emot.",
                    "test_cases: \(testCase.id) is about \(testCase.message), which the profile does not accept.")
            }
        }
        return problems
    }

    private static func isCode(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func isSegmentID(_ text: String) -> Bool {
        text.count == 3 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            && ("A"..."Z").contains(text.unicodeScalars.first!)
    }

    /// `SEG-n`, optionally `.component` and `.subcomponent`.
    private static func isFieldPath(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, isSegmentID(parts[0]) else { return false }
        let numbers = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return (1...3).contains(numbers.count) && numbers.allSatisfy { Int($0).map { $0 >= 1 } ?? false }
    }
}
