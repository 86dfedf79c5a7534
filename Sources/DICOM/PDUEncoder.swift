/// Encodes PDUs to bytes (PS3.8 9.3), the inverse of ``PDUDecoder``.
public enum PDUEncoder {
    /// The bytes of `pdu`, header included.
    public static func encode(_ pdu: PDU) -> [UInt8] {
        var body = ByteWriter()
        switch pdu {
        case .associateRequest(let request):
            body.writeAssociationHeader(
                version: request.protocolVersion, called: request.calledAETitle, calling: request.callingAETitle)
            body.writeItem(0x10, text: request.applicationContextName)
            for context in request.presentationContexts {
                var item = ByteWriter()
                item.bytes += [context.id, 0, 0, 0]
                item.writeItem(0x30, text: context.abstractSyntax)
                for syntax in context.transferSyntaxes { item.writeItem(0x40, text: syntax) }
                body.writeItem(0x20, item.bytes)
            }
            body.writeUserInformation(request.userInformation)
        case .associateAccept(let accept):
            body.writeAssociationHeader(
                version: accept.protocolVersion, called: accept.calledAETitle, calling: accept.callingAETitle)
            body.writeItem(0x10, text: accept.applicationContextName)
            for context in accept.presentationContexts {
                var item = ByteWriter()
                item.bytes += [context.id, 0, context.result.rawValue, 0]
                item.writeItem(0x40, text: context.transferSyntax)
                body.writeItem(0x21, item.bytes)
            }
            body.writeUserInformation(accept.userInformation)
        case .associateReject(let reject):
            body.bytes += [0, reject.result, reject.source, reject.reason]
        case .data(let values):
            for value in values {
                body.writeUInt32(UInt32(2 + value.fragment.count))
                body.bytes += [value.presentationContextID, value.messageControlHeader]
                body.bytes += value.fragment
            }
        case .releaseRequest, .releaseResponse:
            body.bytes += [0, 0, 0, 0]
        case .abort(let abort):
            body.bytes += [0, 0, abort.source, abort.reason]
        }
        var pduBytes = ByteWriter()
        pduBytes.bytes += [pdu.type, 0]
        pduBytes.writeUInt32(UInt32(body.bytes.count))
        return pduBytes.bytes + body.bytes
    }
}

/// Big-endian bytes and PDU items.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func writeUInt16(_ value: UInt16) {
        bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    mutating func writeUInt32(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// Protocol version, reserved, called and calling AE titles space-padded to 16, 32 reserved bytes.
    mutating func writeAssociationHeader(version: UInt16, called: String, calling: String) {
        writeUInt16(version)
        bytes += [0, 0]
        for title in [called, calling] {
            let text = Array(title.utf8.prefix(16))
            bytes += text + [UInt8](repeating: 0x20, count: 16 - text.count)
        }
        bytes += [UInt8](repeating: 0, count: 32)
    }

    /// An item: type, reserved, 2-byte length, value. Item values are UIDs and short names, far below 64 KiB.
    mutating func writeItem(_ type: UInt8, _ value: [UInt8]) {
        bytes += [type, 0]
        writeUInt16(UInt16(value.count))
        bytes += value
    }

    mutating func writeItem(_ type: UInt8, text: String) {
        writeItem(type, Array(text.utf8))
    }

    mutating func writeUserInformation(_ information: UserInformation) {
        var item = ByteWriter()
        if let maximumLength = information.maximumLength {
            var value = ByteWriter()
            value.writeUInt32(maximumLength)
            item.writeItem(0x51, value.bytes)
        }
        if let uid = information.implementationClassUID { item.writeItem(0x52, text: uid) }
        // PS3.7 D.3.3 orders sub-items by type: 0x53 and 0x54 before the version name (0x55), the rest after.
        for subItem in information.otherSubItems where subItem.type < 0x55 {
            item.writeItem(subItem.type, subItem.value)
        }
        if let name = information.implementationVersionName { item.writeItem(0x55, text: name) }
        for subItem in information.otherSubItems where subItem.type > 0x55 {
            item.writeItem(subItem.type, subItem.value)
        }
        writeItem(0x50, item.bytes)
    }
}
