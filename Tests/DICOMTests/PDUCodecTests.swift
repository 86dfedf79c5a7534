import DICOM
import Testing

@Suite struct PDUCodecTests {
    /// A-ASSOCIATE-RQ as pynetdicom 3.0.4's echoscu sent it (`echoscu -aet ANSLUT_TEST -aec BFR_ARKIV`),
    /// captured off a socket: an independent implementation's bytes.
    static let pynetdicomEchoRequest: [UInt8] = hexBytes(
        """
        010000000119000100004246525f41524b495620202020202020414e534c55545f544553542020202020000000000000000000000000\
        000000000000000000000000000000000000000010000015312e322e3834302e31303030382e332e312e312e312000007601000000\
        30000011312e322e3834302e31303030382e312e3140000013312e322e3834302e31303030382e312e322e314000001131\
        2e322e3834302e31303030382e312e3240000016312e322e3834302e31303030382e312e322e312e393940000013312e322e38\
        34302e31303030382e312e322e325000003e5100000400003ffe52000020312e322e3832362e302e312e333638303034332e39\
        2e333831312e332e302e345500000e50594e45544449434f4d5f333034
        """)

    static func frameLength(_ bytes: [UInt8], maximum: Int) throws -> Int? {
        try bytes.withUnsafeBytes { buffer throws -> Int? in
            try PDUDecoder.frameLength(of: buffer, maximumLength: maximum)
        }
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map {
            UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)!
        }
    }

    static let request = AssociateRequest(
        calledAETitle: "BFR_ARKIV", callingAETitle: "ANSLUT",
        presentationContexts: [
            ProposedPresentationContext(
                id: 1, abstractSyntax: SOPClass.verification.uid,
                transferSyntaxes: [
                    TransferSyntax.implicitVRLittleEndian.uid
                ]),
            ProposedPresentationContext(
                id: 3, abstractSyntax: SOPClass.ctImage.uid,
                transferSyntaxes: [
                    TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid,
                ]),
        ],
        userInformation: UserInformation(
            maximumLength: 16384, implementationClassUID: "1.2.826.0.1.3680043.10.1418.1",
            implementationVersionName: "ANSLUT_1",
            otherSubItems: [UserInformation.SubItem(type: 0x54, value: [0, 3, 0x31, 0x2E, 0x32, 1, 0])]))

    static let accept = AssociateAccept(
        calledAETitle: "BFR_ARKIV", callingAETitle: "ANSLUT",
        presentationContexts: [
            PresentationContextResult(
                id: 1, result: .acceptance, transferSyntax: TransferSyntax.implicitVRLittleEndian.uid),
            PresentationContextResult(id: 3, result: .abstractSyntaxNotSupported, transferSyntax: ""),
        ],
        userInformation: UserInformation(maximumLength: 0, implementationClassUID: "1.2.3"))

    static let examples: [PDU] = [
        .associateRequest(request),
        .associateAccept(accept),
        .associateReject(.calledAETitleNotRecognized),
        .associateReject(.localLimitExceeded),
        .data([
            PresentationDataValue(
                presentationContextID: 1, isCommand: true, isLastFragment: true, fragment: [1, 2, 3, 4]),
            PresentationDataValue(presentationContextID: 3, isCommand: false, isLastFragment: false, fragment: []),
        ]),
        .releaseRequest,
        .releaseResponse,
        .abort(.invalidPDUParameterValue),
    ]

    @Test(arguments: examples) func roundTrips(pdu: PDU) throws {
        let bytes = PDUEncoder.encode(pdu)
        #expect(bytes[0] == pdu.type)
        #expect(try PDUDecoder.decode(bytes) == pdu)
        #expect(try Self.frameLength(bytes, maximum: 1 << 20) == bytes.count)
    }

    @Test func decodesPynetdicomsRequest() throws {
        guard case .associateRequest(let request) = try PDUDecoder.decode(Self.pynetdicomEchoRequest) else {
            Issue.record("not an A-ASSOCIATE-RQ")
            return
        }
        #expect(request.calledAETitle == "BFR_ARKIV")
        #expect(request.callingAETitle == "ANSLUT_TEST")
        #expect(request.protocolVersion == 1)
        #expect(request.applicationContextName == PDU.dicomApplicationContextName)  // sent NUL-padded to even length
        #expect(
            request.presentationContexts == [
                ProposedPresentationContext(
                    id: 1, abstractSyntax: "1.2.840.10008.1.1",
                    transferSyntaxes: [
                        "1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2",
                    ])
            ])
        #expect(request.userInformation.maximumLength == 16382)
        #expect(request.userInformation.implementationClassUID == "1.2.826.0.1.3680043.9.3811.3.0.4")
        #expect(request.userInformation.implementationVersionName == "PYNETDICOM_304")
        // Our encoding of it is byte-identical, padding aside: re-decoding gives the same value.
        #expect(try PDUDecoder.decode(PDUEncoder.encode(.associateRequest(request))) == .associateRequest(request))
    }

    @Test func rejectReasonsInWords() {
        #expect(AssociateReject.calledAETitleNotRecognized.reasonDescription == "called AE title not recognised")
        #expect(AssociateReject.localLimitExceeded.result == 2)
        #expect(PDUEncoder.encode(.associateReject(.callingAETitleNotRecognized)) == [3, 0, 0, 0, 0, 4, 0, 1, 1, 3])
    }

    @Test func framingRefusesOversizedAndUnknownPDUs() throws {
        let releaseRequest = PDUEncoder.encode(.releaseRequest)
        #expect(try Self.frameLength(Array(releaseRequest.prefix(5)), maximum: 100) == nil)
        #expect(try Self.frameLength(releaseRequest + [0x07], maximum: 100) == 10)
        #expect(throws: PDUDecodingError.tooLong(length: 0xFFFF_FFF0, maximum: 1 << 20)) {
            try Self.frameLength([0x04, 0, 0xFF, 0xFF, 0xFF, 0xF0], maximum: 1 << 20)
        }
        #expect(throws: PDUDecodingError.unknownPDUType(0x09)) { try PDUDecoder.decode([0x09, 0, 0, 0, 0, 0]) }
    }

    @Test func malformedPDUsAreErrors() {
        #expect(throws: PDUDecodingError.lengthMismatch(declared: 4, actual: 3)) {
            try PDUDecoder.decode([5, 0, 0, 0, 0, 4, 0, 0, 0])
        }
        let shortItem = PDUDecodingError.invalidField(offset: 6, field: "PDV item length", reason: "is 1, less than 2")
        #expect(throws: shortItem) {
            try PDUDecoder.decode([4, 0, 0, 0, 0, 5, 0, 0, 0, 1, 1])
        }
        // A presentation context item claiming more bytes than the PDU has.
        var request = PDUEncoder.encode(.associateRequest(Self.request))
        // After the 6-byte header, 68 fixed bytes and the application context item comes the first context.
        let contextItem = 6 + 68 + 4 + PDU.dicomApplicationContextName.utf8.count
        #expect(request[contextItem] == 0x20)
        request[contextItem + 2] = 0xFF
        #expect(throws: PDUDecodingError.self) { try PDUDecoder.decode(request) }
    }

    @Test func damagedPDUsNeverCrash() {
        var random = SeededGenerator(seed: 3)
        let valid = Self.examples.map(PDUEncoder.encode) + [Self.pynetdicomEchoRequest]
        for _ in 0..<5_000 {
            var bytes = valid[Int.random(in: 0..<valid.count, using: &random)]
            for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                if Bool.random(using: &random) {
                    bytes[index] = UInt8.random(in: 0...255, using: &random)
                } else {
                    bytes.removeSubrange(index...)
                    bytes += [UInt8](repeating: 0xFF, count: Int.random(in: 0..<4, using: &random))
                }
            }
            if bytes.count >= 6 {
                // Keep the length field consistent half the time, so the decoder gets past the header.
                if Bool.random(using: &random) {
                    let length = UInt32(bytes.count - 6)
                    bytes.replaceSubrange(
                        2..<6,
                        with: [
                            UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF),
                            UInt8(length & 0xFF),
                        ])
                }
            }
            _ = try? PDUDecoder.decode(bytes)
        }
    }
}
