/// MSH-9: message code, trigger event and message structure, e.g. `ADT^A40^ADT_A39`.
public struct MessageType: Sendable, Hashable, CustomStringConvertible {
    /// MSH-9.1, e.g. `ADT`.
    public var code: String
    /// MSH-9.2, e.g. `A40`; nil when empty.
    public var triggerEvent: String?
    /// MSH-9.3, e.g. `ADT_A39`; nil when empty (common before v2.4).
    public var structure: String?

    public init(code: String, triggerEvent: String? = nil, structure: String? = nil) {
        self.code = code
        self.triggerEvent = triggerEvent
        self.structure = structure
    }

    /// `ADT^A40^ADT_A39` with the standard delimiters, for logs and reports.
    public var description: String {
        [code, triggerEvent, structure].compactMap { $0 }.joined(separator: "^")
    }
}

/// Shortcuts for the MSH fields every integration reads. Each is nil when the field is absent or empty.
extension Message {
    /// MSH-3.
    public var sendingApplication: HierarchicDesignator? { headerDesignator(3) }
    /// MSH-4.
    public var sendingFacility: HierarchicDesignator? { headerDesignator(4) }
    /// MSH-5.
    public var receivingApplication: HierarchicDesignator? { headerDesignator(5) }
    /// MSH-6.
    public var receivingFacility: HierarchicDesignator? { headerDesignator(6) }

    /// MSH-9.
    public var messageType: MessageType? {
        guard let code = headerValue(9, component: 1) else { return nil }
        return MessageType(
            code: code, triggerEvent: headerValue(9, component: 2), structure: headerValue(9, component: 3))
    }

    /// MSH-10, the message control ID that MSA-2 of the acknowledgement must echo.
    public var controlID: String? { headerValue(10) }
    /// MSH-11.1, `P`, `T` or `D`.
    public var processingID: String? { headerValue(11, component: 1) }
    /// MSH-12.1, e.g. `2.5.1`.
    public var versionID: String? { headerValue(12, component: 1) }

    private func headerValue(_ field: Int, component: Int? = nil) -> String? {
        let path = FieldPath(segmentID: "MSH", field: field, component: component)
        guard let element = element(at: path), !element.isEmpty else { return nil }
        return element.text
    }

    private func headerDesignator(_ field: Int) -> HierarchicDesignator? {
        element(at: FieldPath(segmentID: "MSH", field: field)).flatMap(HierarchicDesignator.init)
    }
}
