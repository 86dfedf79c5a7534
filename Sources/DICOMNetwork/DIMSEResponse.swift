import DICOM

/// Builds the command set of a DIMSE response (PS3.7 9.3.1.2 C-STORE-RSP, 9.3.5.2 C-ECHO-RSP): group 0000,
/// Implicit VR Little Endian, no data set.
enum DIMSEResponse {
    /// The response to `request` with `status`: the request's command field with bit 15 set, its message ID
    /// as (0000,0120), and its affected SOP class and instance UIDs when it had them.
    static func commandSet(answering request: DIMSECommand, status: DIMSEStatus) -> [UInt8] {
        var elements = DataSetWriter()
        if let sopClass = request.affectedSOPClassUID {
            elements.set(DICOMTag(0x0000, 0x0002), .UI, .text(sopClass))
        }
        elements.set(DICOMTag(0x0000, 0x0100), .US, .uint16([request.commandField | 0x8000]))
        elements.set(DICOMTag(0x0000, 0x0120), .US, .uint16([request.messageID]))
        elements.set(DICOMTag(0x0000, 0x0800), .US, .uint16([DIMSECommand.noDataSet]))
        elements.set(DICOMTag(0x0000, 0x0900), .US, .uint16([status.code]))
        if let comment = status.errorComment {
            // LO holds 64 characters; the comment is for the sender's log, so a cut one still serves.
            elements.set(DICOMTag(0x0000, 0x0902), .LO, .text(String(comment.prefix(64))))
        }
        if let sopInstance = request.affectedSOPInstanceUID {
            elements.set(DICOMTag(0x0000, 0x1000), .UI, .text(sopInstance))
        }
        let body = elements.encoded(as: .implicitVRLittleEndian)
        var groupLength = DataSetWriter()
        groupLength.set(DICOMTag(0x0000, 0x0000), .UL, .uint32([UInt32(body.count)]))
        return groupLength.encoded(as: .implicitVRLittleEndian) + body
    }
}
