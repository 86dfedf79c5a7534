import DICOM

/// The syntaxes a regional archive's listener accepts by default: the one place that lists them. Each
/// constant carries its UID (`SOPClass.ctImage.uid` is `1.2.840.10008.5.1.4.1.1.2`), defined in the `DICOM`
/// target's ``SOPClass`` and ``TransferSyntax``.
extension DICOMConfiguration {
    /// Verification (C-ECHO) and the storage SOP classes an archive receives.
    public static let defaultAbstractSyntaxes: [SOPClass] = [
        .verification,  // 1.2.840.10008.1.1
        .ctImage,  // 1.2.840.10008.5.1.4.1.1.2
        .enhancedCTImage,  // 1.2.840.10008.5.1.4.1.1.2.1
        .mrImage,  // 1.2.840.10008.5.1.4.1.1.4
        .enhancedMRImage,  // 1.2.840.10008.5.1.4.1.1.4.1
        .computedRadiographyImage,  // 1.2.840.10008.5.1.4.1.1.1
        .digitalXRayImageForPresentation,  // 1.2.840.10008.5.1.4.1.1.1.1
        .digitalXRayImageForProcessing,  // 1.2.840.10008.5.1.4.1.1.1.1.1
        .digitalMammographyImageForPresentation,  // 1.2.840.10008.5.1.4.1.1.1.2
        .digitalMammographyImageForProcessing,  // 1.2.840.10008.5.1.4.1.1.1.2.1
        .ultrasoundImage,  // 1.2.840.10008.5.1.4.1.1.6.1
        .ultrasoundMultiFrameImage,  // 1.2.840.10008.5.1.4.1.1.3.1
        .xRayAngiographicImage,  // 1.2.840.10008.5.1.4.1.1.12.1
        .xRayRadiofluoroscopicImage,  // 1.2.840.10008.5.1.4.1.1.12.2
        .nuclearMedicineImage,  // 1.2.840.10008.5.1.4.1.1.20
        .positronEmissionTomographyImage,  // 1.2.840.10008.5.1.4.1.1.128
        .secondaryCaptureImage,  // 1.2.840.10008.5.1.4.1.1.7
        .basicTextSR,  // 1.2.840.10008.5.1.4.1.1.88.11
        .enhancedSR,  // 1.2.840.10008.5.1.4.1.1.88.22
        .comprehensiveSR,  // 1.2.840.10008.5.1.4.1.1.88.33
        .encapsulatedPDF,  // 1.2.840.10008.5.1.4.1.1.104.1
        .grayscaleSoftcopyPresentationState,  // 1.2.840.10008.5.1.4.1.1.11.1
        .keyObjectSelectionDocument,  // 1.2.840.10008.5.1.4.1.1.88.59
    ]

    /// Implicit and Explicit VR Little Endian, Deflated, and the JPEG, JPEG-LS, JPEG 2000 and RLE families,
    /// all accepted as they are. Explicit VR Big Endian is retired and left out.
    public static let defaultTransferSyntaxes: [TransferSyntax] = [
        .implicitVRLittleEndian,  // 1.2.840.10008.1.2, which every SCP must accept (PS3.5 10)
        .explicitVRLittleEndian,  // 1.2.840.10008.1.2.1
        .deflatedExplicitVRLittleEndian,  // 1.2.840.10008.1.2.1.99
        .jpegBaseline,  // 1.2.840.10008.1.2.4.50
        .jpegExtended,  // 1.2.840.10008.1.2.4.51
        .jpegLossless,  // 1.2.840.10008.1.2.4.57
        .jpegLosslessSV1,  // 1.2.840.10008.1.2.4.70
        .jpegLSLossless,  // 1.2.840.10008.1.2.4.80
        .jpegLSNearLossless,  // 1.2.840.10008.1.2.4.81
        .jpeg2000Lossless,  // 1.2.840.10008.1.2.4.90
        .jpeg2000,  // 1.2.840.10008.1.2.4.91
        .rleLossless,  // 1.2.840.10008.1.2.5
    ]
}
