import DICOM
import NIOCore
import Testing

@testable import DICOMNetwork

/// The pure pieces of the listener, without sockets: negotiation, command sets, P-DATA fragmentation and
/// splitting, the file header, statuses.
@Suite("DICOM listener codec pieces")
struct CodecPieceTests {
    @Test func negotiationAnswersEachContextInTheOrderProposed() {
        let proposed = [
            ProposedPresentationContext(id: 1, abstractSyntax: SOPClass.ctImage.uid, transferSyntaxes: ["1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2"]),
            ProposedPresentationContext(id: 3, abstractSyntax: "1.2.3.4", transferSyntaxes: ["1.2.840.10008.1.2"]),
            ProposedPresentationContext(id: 5, abstractSyntax: SOPClass.mrImage.uid, transferSyntaxes: ["1.2.840.10008.1.2.2"]),
            ProposedPresentationContext(id: 4, abstractSyntax: SOPClass.mrImage.uid, transferSyntaxes: ["1.2.840.10008.1.2"]),
            ProposedPresentationContext(id: 1, abstractSyntax: SOPClass.mrImage.uid, transferSyntaxes: ["1.2.840.10008.1.2"]),
        ]
        let outcome = PresentationContextNegotiation.negotiate(
            proposed, abstractSyntaxes: Set(DICOMConfiguration.defaultAbstractSyntaxes.map(\.uid)),
            transferSyntaxes: Set(DICOMConfiguration.defaultTransferSyntaxes.map(\.uid)))
        #expect(outcome.results.map(\.result) == [.acceptance, .abstractSyntaxNotSupported, .transferSyntaxesNotSupported, .noReason, .noReason])
        // The sender's first acceptable syntax, not the listener's first.
        #expect(outcome.results[0].transferSyntax == "1.2.840.10008.1.2.1")
        #expect(outcome.accepted.keys.sorted() == [1])
        #expect(outcome.accepted[1]?.abstractSyntax == SOPClass.ctImage.uid)
    }

    @Test func defaultsListTheArchivesSyntaxes() {
        #expect(DICOMConfiguration.defaultAbstractSyntaxes.count == 23)
        #expect(DICOMConfiguration.defaultAbstractSyntaxes.first == .verification)
        #expect(!DICOMConfiguration.defaultTransferSyntaxes.contains(.explicitVRBigEndian))
        #expect(DICOMConfiguration.defaultTransferSyntaxes.contains(.deflatedExplicitVRLittleEndian))
        #expect(DICOMImplementation.versionName.utf8.count <= 16)
    }

    @Test(arguments: [0, 7, 8, 16, 100, 4096] as [UInt32])
    func commandsAreFragmentedToThePeersMaximum(peerMaximum: UInt32) throws {
        let command = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        var buffer = OutboundPDU.command(command, contextID: 5, peerMaximumLength: peerMaximum, allocator: ByteBufferAllocator())
        var reassembled: [UInt8] = []
        var values: [PresentationDataValue] = []
        while buffer.readableBytes > 0 {
            let length = Int(buffer.getInteger(at: buffer.readerIndex + 2, as: UInt32.self)!)
            if peerMaximum != 0 { #expect(length <= max(Int(peerMaximum), 7)) }
            let pdu = try PDUDecoder.decode(Array(buffer.readBytes(length: 6 + length)!))
            guard case .data(let pdvs) = pdu else {
                Issue.record("not P-DATA-TF")
                return
            }
            values += pdvs
        }
        for value in values { reassembled += value.fragment }
        #expect(reassembled == command)
        #expect(values.allSatisfy { $0.isCommand && $0.presentationContextID == 5 })
        #expect(values.map(\.isLastFragment) == Array(repeating: false, count: values.count - 1) + [true])
    }

    @Test func responseCommandSetAnswersItsRequest() throws {
        let request = try #require(
            DIMSECommand(CommandSets.store(messageID: 42, sopClass: SOPClass.ctImage.uid, sopInstance: "1.2.3.4")))
        #expect(request.commandField == DIMSECommand.storeRequest)
        #expect(request.hasDataSet)
        let bytes = DIMSEResponse.commandSet(answering: request, status: DIMSEStatus.warning.withComment("2 findings"))
        let response = try DataSet.read(from: bytes, transferSyntax: .implicitVRLittleEndian)
        #expect(response.uint16(DICOMTag(0x0000, 0x0100)) == 0x8001)
        #expect(response.uint16(DICOMTag(0x0000, 0x0120)) == 42)
        #expect(response.uint16(DICOMTag(0x0000, 0x0800)) == 0x0101)
        #expect(response.uint16(DICOMTag(0x0000, 0x0900)) == 0xB000)
        #expect(response.string(DICOMTag(0x0000, 0x0902)) == "2 findings")
        #expect(response.string(DICOMTag(0x0000, 0x0002)) == SOPClass.ctImage.uid)
        #expect(response.string(DICOMTag(0x0000, 0x1000)) == "1.2.3.4")
        // (0000,0000) counts the bytes after its own 12.
        #expect(response.uint32(DICOMTag(0x0000, 0x0000)).map(Int.init) == bytes.count - 12)
    }

    @Test func unreadableCommandSetsAreRefused() {
        #expect(DIMSECommand([]) == nil)
        #expect(DIMSECommand([0x00, 0x00, 0x00, 0x01, 0xFF, 0xFF, 0xFF, 0x7F]) == nil)
    }

    @Test func headerMakesAFileTheReaderReads() throws {
        let dataSet = ctDataSet(sopInstanceUID: "1.2.3.4.5", pixelBytes: 64)
        let header = Part10Header.bytes(
            sopClassUID: SOPClass.ctImage.uid, sopInstanceUID: "1.2.3.4.5",
            transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid, sourceAETitle: "MODALITY1")
        let file = try DICOMFile.read(from: header + dataSet)
        #expect(file.mediaStorageSOPInstanceUID == "1.2.3.4.5")
        #expect(file.mediaStorageSOPClassUID == SOPClass.ctImage.uid)
        #expect(file.transferSyntax == .explicitVRLittleEndian)
        #expect(file.implementationVersionName == DICOMImplementation.versionName)
        #expect(file.fileMeta.string(.sourceApplicationEntityTitle) == "MODALITY1")
        #expect(file.dataSet.sopInstanceUID == "1.2.3.4.5")
    }

    @Test func pdvItemsAreSplitWithoutCopyingOrRefused() throws {
        let pdu = PDUEncoder.encode(
            .data([
                PresentationDataValue(presentationContextID: 1, isCommand: true, isLastFragment: true, fragment: [1, 2, 3]),
                PresentationDataValue(presentationContextID: 3, isCommand: false, isLastFragment: false, fragment: []),
            ]))
        let fragments = try PDVReader.fragments(of: ByteBuffer(bytes: pdu.dropFirst(6)))
        #expect(fragments.map(\.presentationContextID) == [1, 3])
        #expect(fragments.map(\.isCommand) == [true, false])
        #expect(fragments.map(\.isLastFragment) == [true, false])
        #expect(fragments.map { Array($0.bytes.readableBytesView) } == [[1, 2, 3], []])
        #expect(throws: PDVReader.Malformed.self) { try PDVReader.fragments(of: ByteBuffer(bytes: [0, 0, 0, 1, 1])) }
        #expect(throws: PDVReader.Malformed.self) { try PDVReader.fragments(of: ByteBuffer(bytes: [0, 0, 0, 9, 1, 3, 0])) }
        #expect(throws: PDVReader.Malformed.self) { try PDVReader.fragments(of: ByteBuffer(bytes: [0, 0])) }
        #expect(throws: PDVReader.Malformed.self) { try PDVReader.fragments(of: ByteBuffer()) }
    }

    @Test func statusesSortIntoSuccessWarningAndFailure() {
        #expect(DIMSEStatus.success.isSuccess)
        #expect(DIMSEStatus.warning.isWarning && !DIMSEStatus.warning.isFailure)
        #expect(DIMSEStatus(code: 0xB007).isWarning)
        #expect(DIMSEStatus.outOfResources.isFailure)
        #expect(DIMSEStatus.cannotUnderstand.isFailure)
        #expect(DIMSEStatus.cannotUnderstand.withComment("x").description == "C000 (x)")
        #expect(DIMSEStatus.success.description == "0000")
    }

    @Test func rejectionsCarryThePS38Codes() {
        #expect(AssociationRejection.callingAETitleNotRecognized.pdu == AssociateReject(result: 1, source: 1, reason: 3))
        #expect(AssociationRejection.calledAETitleNotRecognized.pdu == .calledAETitleNotRecognized)
        #expect(AssociationRejection.localLimitExceeded.pdu == .localLimitExceeded)
        #expect(AssociationRejection.protocolVersionNotSupported.pdu == .protocolVersionNotSupported)
        #expect(AssociationRejection.temporaryCongestion.pdu == AssociateReject(result: 2, source: 3, reason: 1))
    }
}
