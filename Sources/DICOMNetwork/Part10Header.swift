import DICOM

/// The start of every file the listener writes (PS3.10 7.1; reference.md 9.1): a 128-byte preamble of
/// zeros, `DICM`, and the file meta information group 0002 in Explicit VR Little Endian, built from the
/// C-STORE command and its presentation context. The data set follows as received.
enum Part10Header {
    static func bytes(
        sopClassUID: String, sopInstanceUID: String, transferSyntaxUID: String, sourceAETitle: String
    ) -> [UInt8] {
        var meta = DataSetWriter()
        meta.set(.fileMetaInformationVersion, .OB, .bytes([0x00, 0x01]))
        meta.set(.mediaStorageSOPClassUID, .UI, .text(sopClassUID))
        meta.set(.mediaStorageSOPInstanceUID, .UI, .text(sopInstanceUID))
        meta.set(.transferSyntaxUID, .UI, .text(transferSyntaxUID))
        meta.set(.implementationClassUID, .UI, .text(DICOMImplementation.classUID))
        meta.set(.implementationVersionName, .SH, .text(DICOMImplementation.versionName))
        meta.set(.sourceApplicationEntityTitle, .AE, .text(sourceAETitle))
        let body = meta.encoded(as: .explicitVRLittleEndian)
        var groupLength = DataSetWriter()
        groupLength.set(.fileMetaInformationGroupLength, .UL, .uint32([UInt32(body.count)]))
        return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
            + groupLength.encoded(as: .explicitVRLittleEndian) + body
    }
}
