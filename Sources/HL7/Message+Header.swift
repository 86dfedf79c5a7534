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

/// The MSH values that routing, acknowledgements and the profile checks read, taken from the header in one go
/// (``Message/header``): each is a range lookup on the index, where asking the shortcuts below one by one looks the
/// header segment up again for every field. Each is nil when its field is absent or empty.
public struct MessageHeader: Sendable, Hashable {
    /// MSH-3.1 … MSH-6.1: the namespace ID (HD.1) of the sending and receiving application and facility.
    public var sendingApplicationNamespaceID: String?
    public var sendingFacilityNamespaceID: String?
    public var receivingApplicationNamespaceID: String?
    public var receivingFacilityNamespaceID: String?
    /// MSH-9.
    public var messageType: MessageType?
    /// MSH-10.
    public var controlID: String?
    /// MSH-11.1.
    public var processingID: String?
    /// MSH-12.1.
    public var versionID: String?
}

/// Shortcuts for the MSH fields every integration reads. Each is nil when the field is absent or empty.
extension Message {
    /// The header values read at once; equal to the shortcuts below, field by field.
    public var header: MessageHeader {
        guard let msh = headerSegment else { return MessageHeader() }
        return MessageHeader(
            sendingApplicationNamespaceID: headerText(msh, 3, component: 1),
            sendingFacilityNamespaceID: headerText(msh, 4, component: 1),
            receivingApplicationNamespaceID: headerText(msh, 5, component: 1),
            receivingFacilityNamespaceID: headerText(msh, 6, component: 1),
            messageType: messageType(msh), controlID: headerText(msh, 10), processingID: headerText(msh, 11, component: 1),
            versionID: headerText(msh, 12, component: 1))
    }

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
        headerSegment.flatMap(messageType)
    }

    /// MSH-10, the message control ID that MSA-2 of the acknowledgement must echo.
    public var controlID: String? { headerSegment.flatMap { headerText($0, 10) } }
    /// MSH-11.1, `P`, `T` or `D`.
    public var processingID: String? { headerSegment.flatMap { headerText($0, 11, component: 1) } }
    /// MSH-12.1, e.g. `2.5.1`.
    public var versionID: String? { headerSegment.flatMap { headerText($0, 12, component: 1) } }

    /// The first MSH segment's index: the first segment, as the parser requires the message to start with MSH.
    private var headerSegment: Int? {
        index.segments.first?.code == SegmentEntry.headerCode ? 0 : index.firstSegment(code: SegmentEntry.headerCode)
    }

    private func messageType(_ msh: Int) -> MessageType? {
        guard let code = headerText(msh, 9, component: 1) else { return nil }
        return MessageType(
            code: code, triggerEvent: headerText(msh, 9, component: 2), structure: headerText(msh, 9, component: 3))
    }

    /// The decoded text of the first repetition of MSH-`field` (or of its `component`), nil when absent or empty:
    /// what `value(at: "MSH-10")` reads, found on the index's ranges directly.
    private func headerText(_ msh: Int, _ field: Int, component: Int? = nil) -> String? {
        guard let range = index.fieldRange(segment: msh, number: field) else { return nil }
        let delimiters = encodingCharacters
        guard var element = index.piece(1, of: range, separatedBy: delimiters.repetition, in: bytes) else { return nil }
        if let component {
            guard let piece = index.piece(component, of: element, separatedBy: delimiters.component, in: bytes) else {
                return nil
            }
            element = piece
        }
        return nonEmptyText(element)
    }

    private func headerDesignator(_ field: Int) -> HierarchicDesignator? {
        element(at: FieldPath(segmentID: "MSH", field: field)).flatMap(HierarchicDesignator.init)
    }
}
