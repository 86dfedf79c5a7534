import DICOM

/// The fields of a DIMSE request's command set (PS3.7 9.3, E.1) that this SCP acts on. A command set is a
/// group 0000 data set, always Implicit VR Little Endian whatever the context's transfer syntax.
struct DIMSECommand: Sendable {
    /// (0000,0100): 0x0001 C-STORE-RQ, 0x0030 C-ECHO-RQ, 0x0FFF C-CANCEL-RQ; a response sets bit 15.
    let commandField: UInt16
    /// (0000,0110) Message ID.
    let messageID: UInt16
    /// (0000,0002) Affected SOP Class UID.
    let affectedSOPClassUID: String?
    /// (0000,1000) Affected SOP Instance UID.
    let affectedSOPInstanceUID: String?
    /// (0000,0800) Command Data Set Type: 0x0101 when no data set follows.
    let hasDataSet: Bool
    /// (0000,1030) Move Originator Application Entity Title.
    let moveOriginatorAETitle: String?

    static let storeRequest: UInt16 = 0x0001
    static let echoRequest: UInt16 = 0x0030
    static let cancelRequest: UInt16 = 0x0FFF
    static let noDataSet: UInt16 = 0x0101

    /// Reads a complete command set; `nil` when it is not one (unreadable, or without a command field or
    /// message ID), which the association answers with A-ABORT since it cannot name the message to answer.
    init?(_ bytes: [UInt8]) {
        guard let commandSet = try? DataSet.read(from: bytes, transferSyntax: .implicitVRLittleEndian),
            let commandField = commandSet.uint16(DICOMTag(0x0000, 0x0100)),
            let messageID = commandSet.uint16(DICOMTag(0x0000, 0x0110))
        else { return nil }
        self.commandField = commandField
        self.messageID = messageID
        self.affectedSOPClassUID = commandSet.string(DICOMTag(0x0000, 0x0002))
        self.affectedSOPInstanceUID = commandSet.string(DICOMTag(0x0000, 0x1000))
        self.hasDataSet = commandSet.uint16(DICOMTag(0x0000, 0x0800)).map { $0 != Self.noDataSet } ?? false
        self.moveOriginatorAETitle = commandSet.string(DICOMTag(0x0000, 0x1030)).flatMap { $0.isEmpty ? nil : $0 }
    }
}
