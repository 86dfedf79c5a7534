import Domain
import Foundation
import Plot

extension Node where Context == HTML.FormContext {
    /// The hidden form token that `PageMiddleware` checks on every POST (on a streamed document upload the
    /// upload's handler checks it, before the file: keep it the form's first field).
    static func csrf(_ token: String) -> Node {
        .input(.type(.hidden), .name("csrf"), .value(token.attributeEscaped))
    }

    /// A labelled text field; the label is tied to the input by its id.
    static func field(
        _ label: String, name: String, id: String, type: HTMLInputType = .text, value: String = "",
        required: Bool = false, autocomplete: String? = nil
    ) -> Node {
        .div(
            .class("field"),
            .label(.for(id), .text(label)),
            .input(
                .type(type), .name(name), .id(id), .value(value.attributeEscaped), .required(required),
                .unwrap(autocomplete) { .attribute(named: "autocomplete", value: $0) })
        )
    }
}

extension String {
    // Plot writes attribute values as they are, so anything a person typed is escaped before it goes into one.
    var attributeEscaped: String {
        var out = ""
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Times on the pages: Swedish time, to the minute.
enum PageTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        return calendar
    }()

    static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// The same with the zone in force then (CET in winter, CEST in summer), for times people compare across
    /// the change of clocks, such as the timeline's.
    static func formatWithZone(_ date: Date) -> String {
        format(date) + " " + (calendar.timeZone.isDaylightSavingTime(for: date) ? "CEST" : "CET")
    }

    /// "3 dagar", "1 dag" or "mindre än en dag" between `start` and `now`, as the pages tell an age.
    static func age(from start: Date, to now: Date, _ l: Domain.Language) -> String {
        let days = max(0, Int(now.timeIntervalSince(start) / 86_400))
        return switch days {
        case 0: l("mindre än en dag", "less than a day")
        case 1: l("1 dag", "1 day")
        default: l("\(days) dagar", "\(days) days")
        }
    }
}

extension Node where Context == HTML.SelectContext {
    // Plot's own `.option` closes itself and so cannot carry a visible text.
    static func choice(_ value: String, _ title: String, selected: Bool) -> Node {
        .element(named: "option", nodes: [
            // An empty value is kept: a placeholder choice must send nothing, not its own text.
            .attribute(named: "value", value: value.attributeEscaped, ignoreIfValueIsEmpty: false),
            selected ? .attribute(named: "selected") : .empty,
            .text(title),
        ])
    }
}
