/// Decodes whole PDUs from bytes (PS3.8 9.3), checking every length against the bytes it claims before
/// using it. Pure functions: the network layer frames PDUs with ``frameLength(of:maximumLength:)`` and hands
/// each complete one to ``decode(_:)-(UnsafeRawBufferPointer)``.
public enum PDUDecoder {
    /// The length of the whole PDU starting at `bytes`' first byte, once its 6-byte header is there; `nil`
    /// while fewer than 6 bytes have arrived. Throws for an unknown type or a length over `maximumLength`,
    /// so a peer cannot make the receiver buffer gigabytes (reference.md 9.3: refuse with A-ABORT).
    public static func frameLength(
        of bytes: UnsafeRawBufferPointer, maximumLength: Int
    ) throws(PDUDecodingError) -> Int? {
        guard bytes.count >= PDU.headerLength else { return nil }
        guard (0x01...0x07).contains(bytes[0]) else { throw .unknownPDUType(bytes[0]) }
        let length = bytes.loadUnaligned(fromByteOffset: 2, as: UInt32.self).bigEndian
        guard Int(length) <= maximumLength else { throw .tooLong(length: length, maximum: maximumLength) }
        return PDU.headerLength + Int(length)
    }

    /// The PDU that `bytes` holds, exactly: header and as many bytes as its length field says.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(PDUDecodingError) -> PDU {
        var reader = PDUReader(bytes: bytes, start: 0, end: bytes.count)
        let type = try reader.readUInt8("PDU type")
        guard (0x01...0x07).contains(type) else { throw .unknownPDUType(type) }
        reader.skip(1)
        let length = Int(try reader.readUInt32("PDU length"))
        guard length == reader.remaining else { throw .lengthMismatch(declared: length, actual: reader.remaining) }
        switch type {
        case 0x01:
            let parts = try decodeAssociation(&reader, isRequest: true)
            return .associateRequest(
                AssociateRequest(
                    calledAETitle: parts.called, callingAETitle: parts.calling,
                    presentationContexts: parts.proposed, userInformation: parts.userInformation,
                    protocolVersion: parts.version, applicationContextName: parts.applicationContext))
        case 0x02:
            let parts = try decodeAssociation(&reader, isRequest: false)
            return .associateAccept(
                AssociateAccept(
                    calledAETitle: parts.called, callingAETitle: parts.calling,
                    presentationContexts: parts.results, userInformation: parts.userInformation,
                    protocolVersion: parts.version, applicationContextName: parts.applicationContext))
        case 0x03:
            try reader.requireExactly(4, "A-ASSOCIATE-RJ")
            reader.skip(1)
            return .associateReject(
                AssociateReject(
                    result: try reader.readUInt8("result"), source: try reader.readUInt8("source"),
                    reason: try reader.readUInt8("reason")))
        case 0x04:
            return .data(try decodeDataValues(&reader))
        case 0x05, 0x06:
            try reader.requireExactly(4, type == 0x05 ? "A-RELEASE-RQ" : "A-RELEASE-RP")
            return type == 0x05 ? .releaseRequest : .releaseResponse
        default:
            try reader.requireExactly(4, "A-ABORT")
            reader.skip(2)
            return .abort(Abort(source: try reader.readUInt8("source"), reason: try reader.readUInt8("reason")))
        }
    }

    /// The PDU that `bytes` holds; see ``decode(_:)-(UnsafeRawBufferPointer)``.
    public static func decode(_ bytes: [UInt8]) throws(PDUDecodingError) -> PDU {
        try bytes.withTypedBytes { buffer throws(PDUDecodingError) in try decode(buffer) }
    }

    // MARK: - A-ASSOCIATE-RQ and -AC

    /// What A-ASSOCIATE-RQ and -AC share; a request fills `proposed`, an accept `results`.
    private struct AssociationParts {
        let version: UInt16
        let called: String
        let calling: String
        let applicationContext: String
        let proposed: [ProposedPresentationContext]
        let results: [PresentationContextResult]
        let userInformation: UserInformation
    }

    private static func decodeAssociation(
        _ reader: inout PDUReader, isRequest: Bool
    ) throws(PDUDecodingError) -> AssociationParts {
        let pduName = isRequest ? "A-ASSOCIATE-RQ" : "A-ASSOCIATE-AC"
        let version = try reader.readUInt16("protocol version")
        try reader.require(2, "reserved bytes")
        reader.skip(2)
        let called = try reader.readText(16, "called AE title")
        let calling = try reader.readText(16, "calling AE title")
        try reader.require(32, "reserved bytes")
        reader.skip(32)
        var applicationContext: String?
        var proposed: [ProposedPresentationContext] = []
        var results: [PresentationContextResult] = []
        var userInformation: UserInformation?
        while reader.remaining > 0 {
            let (type, offset, itemValue) = try reader.readItem()
            var item = itemValue
            switch type {
            case 0x10: applicationContext = item.readRest()
            case 0x20 where isRequest: proposed.append(try decodeProposedContext(&item))
            case 0x21 where !isRequest: results.append(try decodeContextResult(&item))
            case 0x50: userInformation = try decodeUserInformation(&item)
            default: throw .unexpectedItem(offset: offset, type: type, within: pduName)
            }
        }
        guard let applicationContext else {
            throw .missingItem("application context item (0x10)", within: pduName)
        }
        guard let userInformation else {
            throw .missingItem("user information item (0x50)", within: pduName)
        }
        return AssociationParts(
            version: version, called: called, calling: calling, applicationContext: applicationContext,
            proposed: proposed, results: results, userInformation: userInformation)
    }

    private static func decodeProposedContext(
        _ item: inout PDUReader
    ) throws(PDUDecodingError) -> ProposedPresentationContext {
        let id = try item.readUInt8("presentation context ID")
        try item.require(3, "reserved bytes")
        item.skip(3)
        var abstractSyntax: String?
        var transferSyntaxes: [String] = []
        while item.remaining > 0 {
            let (type, offset, subItemValue) = try item.readItem()
            var subItem = subItemValue
            switch type {
            case 0x30 where abstractSyntax == nil: abstractSyntax = subItem.readRest()
            case 0x40: transferSyntaxes.append(subItem.readRest())
            default: throw .unexpectedItem(offset: offset, type: type, within: "presentation context \(id)")
            }
        }
        guard let abstractSyntax else {
            throw .missingItem("abstract syntax (0x30)", within: "presentation context \(id)")
        }
        guard !transferSyntaxes.isEmpty else {
            throw .missingItem("transfer syntax (0x40)", within: "presentation context \(id)")
        }
        return ProposedPresentationContext(id: id, abstractSyntax: abstractSyntax, transferSyntaxes: transferSyntaxes)
    }

    private static func decodeContextResult(
        _ item: inout PDUReader
    ) throws(PDUDecodingError) -> PresentationContextResult {
        let id = try item.readUInt8("presentation context ID")
        item.skip(1)
        let resultOffset = item.position
        let resultByte = try item.readUInt8("result/reason")
        guard let result = PresentationContextResult.Result(rawValue: resultByte) else {
            throw .invalidField(
                offset: resultOffset, field: "presentation context result", reason: "is \(resultByte), not 0-4")
        }
        try item.require(1, "reserved byte")
        item.skip(1)
        var transferSyntax: String?
        while item.remaining > 0 {
            let (type, offset, subItemValue) = try item.readItem()
            var subItem = subItemValue
            guard type == 0x40, transferSyntax == nil else {
                throw .unexpectedItem(offset: offset, type: type, within: "presentation context result \(id)")
            }
            transferSyntax = subItem.readRest()
        }
        // A rejected context may come without its (insignificant) transfer syntax sub-item.
        guard let transferSyntax = transferSyntax ?? (result == .acceptance ? nil : "") else {
            throw .missingItem("transfer syntax (0x40)", within: "presentation context result \(id)")
        }
        return PresentationContextResult(id: id, result: result, transferSyntax: transferSyntax)
    }

    private static func decodeUserInformation(_ item: inout PDUReader) throws(PDUDecodingError) -> UserInformation {
        var information = UserInformation()
        while item.remaining > 0 {
            let (type, offset, subItemValue) = try item.readItem()
            var subItem = subItemValue
            switch type {
            case 0x51:
                guard subItem.remaining == 4 else {
                    throw .invalidField(offset: offset, field: "maximum length sub-item", reason: "is not 4 bytes long")
                }
                information.maximumLength = try subItem.readUInt32("maximum length")
            case 0x52: information.implementationClassUID = subItem.readRest()
            case 0x55: information.implementationVersionName = subItem.readRest()
            default:
                information.otherSubItems.append(UserInformation.SubItem(type: type, value: subItem.readRestBytes()))
            }
        }
        return information
    }

    // MARK: - P-DATA-TF

    private static func decodeDataValues(
        _ reader: inout PDUReader
    ) throws(PDUDecodingError) -> [PresentationDataValue] {
        var values: [PresentationDataValue] = []
        while reader.remaining > 0 {
            let offset = reader.position
            let length = Int(try reader.readUInt32("PDV item length"))
            guard length >= 2 else {
                throw .invalidField(offset: offset, field: "PDV item length", reason: "is \(length), less than 2")
            }
            var value = try reader.subReader(length, "PDV item")
            let contextID = try value.readUInt8("presentation context ID")
            let header = try value.readUInt8("message control header")
            values.append(
                PresentationDataValue(
                    presentationContextID: contextID, isCommand: header & 0x01 != 0, isLastFragment: header & 0x02 != 0,
                    fragment: value.readRestBytes()))
        }
        guard !values.isEmpty else { throw .missingItem("presentation data value", within: "P-DATA-TF") }
        return values
    }
}

/// A cursor over `bytes[start..<end]` whose reads fail instead of running past `end`.
struct PDUReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    let end: Int

    init(bytes: UnsafeRawBufferPointer, start: Int, end: Int) {
        self.bytes = bytes
        self.position = start
        self.end = end
    }

    var remaining: Int { end - position }

    func require(_ count: Int, _ field: String) throws(PDUDecodingError) {
        guard count <= remaining else {
            throw .truncated(offset: position, field: field, needed: count, available: remaining)
        }
    }

    func requireExactly(_ count: Int, _ pdu: String) throws(PDUDecodingError) {
        guard remaining == count else {
            throw .invalidField(offset: position, field: "\(pdu) body", reason: "is \(remaining) bytes, not \(count)")
        }
    }

    /// Moves on `count` bytes, or to the end if fewer remain; the next read then reports the shortfall.
    mutating func skip(_ count: Int) {
        position = min(end, position + count)
    }

    mutating func readUInt8(_ field: String) throws(PDUDecodingError) -> UInt8 {
        try require(1, field)
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUInt16(_ field: String) throws(PDUDecodingError) -> UInt16 {
        try require(2, field)
        defer { position += 2 }
        return bytes.loadUnaligned(fromByteOffset: position, as: UInt16.self).bigEndian
    }

    mutating func readUInt32(_ field: String) throws(PDUDecodingError) -> UInt32 {
        try require(4, field)
        defer { position += 4 }
        return bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self).bigEndian
    }

    /// `count` bytes as ASCII text without leading and trailing spaces and NULs (AE titles and UIDs are
    /// padded, the UIDs of some implementations with NUL).
    mutating func readText(_ count: Int, _ field: String) throws(PDUDecodingError) -> String {
        try require(count, field)
        defer { position += count }
        let raw = bytes[position..<(position + count)]
        let trimmed = raw.drop { $0 == 0x20 || $0 == 0x00 }.reversed().drop { $0 == 0x20 || $0 == 0x00 }.reversed()
        return String(decoding: trimmed, as: UTF8.self)
    }

    mutating func readRest() -> String {
        (try? readText(remaining, "")) ?? ""
    }

    mutating func readRestBytes() -> [UInt8] {
        defer { position = end }
        return Array(bytes[position..<end])
    }

    /// A reader over the next `count` bytes, which this reader then moves past.
    mutating func subReader(_ count: Int, _ field: String) throws(PDUDecodingError) -> PDUReader {
        try require(count, field)
        defer { position += count }
        return PDUReader(bytes: bytes, start: position, end: position + count)
    }

    /// An item (type, reserved, 2-byte length, value): its type, its offset and a reader over its value.
    mutating func readItem() throws(PDUDecodingError) -> (type: UInt8, offset: Int, value: PDUReader) {
        let offset = position
        let type = try readUInt8("item type")
        try require(1, "item header")
        skip(1)
        let length = Int(try readUInt16("item length"))
        return (type, offset, try subReader(length, "item 0x\(String(type, radix: 16))"))
    }
}
