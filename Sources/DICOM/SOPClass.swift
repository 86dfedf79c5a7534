/// A SOP class (PS3.4, PS3.6 Annex A): what kind of object an instance is, named by its UID.
public struct SOPClass: Sendable, Hashable, CustomStringConvertible {
    /// The SOP class UID, `1.2.840.10008.5.1.4.1.1.2`.
    public let uid: String
    /// The name as PS3.6 gives it, `CT Image Storage`.
    public let name: String

    /// A SOP class with this UID and name.
    public init(uid: String, name: String) {
        self.uid = uid
        self.name = name
    }

    /// `CT Image Storage (1.2.840.10008.5.1.4.1.1.2)`.
    public var description: String { "\(name) (\(uid))" }

    /// The SOP class of C-ECHO, the first connectivity test (reference.md 9.3).
    public static let verification = SOPClass(uid: "1.2.840.10008.1.1", name: "Verification SOP Class")
    /// CT Image Storage, `1.2.840.10008.5.1.4.1.1.2`.
    public static let ctImage = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.2", name: "CT Image Storage")
    /// Enhanced CT Image Storage, `1.2.840.10008.5.1.4.1.1.2.1`.
    public static let enhancedCTImage = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.2.1", name: "Enhanced CT Image Storage")
    /// MR Image Storage, `1.2.840.10008.5.1.4.1.1.4`.
    public static let mrImage = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.4", name: "MR Image Storage")
    /// Enhanced MR Image Storage, `1.2.840.10008.5.1.4.1.1.4.1`.
    public static let enhancedMRImage = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.4.1", name: "Enhanced MR Image Storage")
    /// Computed Radiography Image Storage, `1.2.840.10008.5.1.4.1.1.1`.
    public static let computedRadiographyImage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1", name: "Computed Radiography Image Storage")
    /// Digital X-Ray Image Storage - For Presentation, `1.2.840.10008.5.1.4.1.1.1.1`.
    public static let digitalXRayImageForPresentation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.1", name: "Digital X-Ray Image Storage - For Presentation")
    /// Digital X-Ray Image Storage - For Processing, `1.2.840.10008.5.1.4.1.1.1.1.1`.
    public static let digitalXRayImageForProcessing = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.1.1", name: "Digital X-Ray Image Storage - For Processing")
    /// Digital Mammography X-Ray Image Storage - For Presentation, `1.2.840.10008.5.1.4.1.1.1.2`.
    public static let digitalMammographyImageForPresentation = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.2", name: "Digital Mammography X-Ray Image Storage - For Presentation")
    /// Digital Mammography X-Ray Image Storage - For Processing, `1.2.840.10008.5.1.4.1.1.1.2.1`.
    public static let digitalMammographyImageForProcessing = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.1.2.1", name: "Digital Mammography X-Ray Image Storage - For Processing")
    /// Ultrasound Image Storage, `1.2.840.10008.5.1.4.1.1.6.1`.
    public static let ultrasoundImage = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.6.1", name: "Ultrasound Image Storage")
    /// Ultrasound Multi-frame Image Storage, `1.2.840.10008.5.1.4.1.1.3.1`.
    public static let ultrasoundMultiFrameImage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.3.1", name: "Ultrasound Multi-frame Image Storage")
    /// X-Ray Angiographic Image Storage, `1.2.840.10008.5.1.4.1.1.12.1`.
    public static let xRayAngiographicImage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.12.1", name: "X-Ray Angiographic Image Storage")
    /// X-Ray Radiofluoroscopic Image Storage, `1.2.840.10008.5.1.4.1.1.12.2`.
    public static let xRayRadiofluoroscopicImage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.12.2", name: "X-Ray Radiofluoroscopic Image Storage")
    /// Nuclear Medicine Image Storage, `1.2.840.10008.5.1.4.1.1.20`.
    public static let nuclearMedicineImage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.20", name: "Nuclear Medicine Image Storage")
    /// Positron Emission Tomography Image Storage, `1.2.840.10008.5.1.4.1.1.128`.
    public static let positronEmissionTomographyImage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.128", name: "Positron Emission Tomography Image Storage")
    /// Secondary Capture Image Storage, `1.2.840.10008.5.1.4.1.1.7`.
    public static let secondaryCaptureImage = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.7", name: "Secondary Capture Image Storage")
    /// Basic Text SR Storage, `1.2.840.10008.5.1.4.1.1.88.11`.
    public static let basicTextSR = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.88.11", name: "Basic Text SR Storage")
    /// Enhanced SR Storage, `1.2.840.10008.5.1.4.1.1.88.22`.
    public static let enhancedSR = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.88.22", name: "Enhanced SR Storage")
    /// Comprehensive SR Storage, `1.2.840.10008.5.1.4.1.1.88.33`.
    public static let comprehensiveSR = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.88.33", name: "Comprehensive SR Storage")
    /// Encapsulated PDF Storage, `1.2.840.10008.5.1.4.1.1.104.1`.
    public static let encapsulatedPDF = SOPClass(uid: "1.2.840.10008.5.1.4.1.1.104.1", name: "Encapsulated PDF Storage")
    /// Grayscale Softcopy Presentation State Storage, `1.2.840.10008.5.1.4.1.1.11.1`.
    public static let grayscaleSoftcopyPresentationState = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.11.1", name: "Grayscale Softcopy Presentation State Storage")
    /// Key Object Selection Document Storage, `1.2.840.10008.5.1.4.1.1.88.59`.
    public static let keyObjectSelectionDocument = SOPClass(
        uid: "1.2.840.10008.5.1.4.1.1.88.59", name: "Key Object Selection Document Storage")

    /// The SOP classes this package names.
    public static let known: [SOPClass] = [
        .verification, .ctImage, .enhancedCTImage, .mrImage, .enhancedMRImage, .computedRadiographyImage,
        .digitalXRayImageForPresentation, .digitalXRayImageForProcessing, .digitalMammographyImageForPresentation,
        .digitalMammographyImageForProcessing, .ultrasoundImage, .ultrasoundMultiFrameImage,
        .xRayAngiographicImage, .xRayRadiofluoroscopicImage, .nuclearMedicineImage,
        .positronEmissionTomographyImage, .secondaryCaptureImage, .basicTextSR, .enhancedSR, .comprehensiveSR,
        .encapsulatedPDF, .grayscaleSoftcopyPresentationState, .keyObjectSelectionDocument,
    ]

    private static let byUID: [String: SOPClass] = Dictionary(uniqueKeysWithValues: known.map { ($0.uid, $0) })

    /// The known SOP class with this UID, or `nil`.
    public static func named(_ uid: String) -> SOPClass? {
        byUID[uid]
    }
}
