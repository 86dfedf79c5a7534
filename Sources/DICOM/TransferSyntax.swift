/// A transfer syntax (PS3.5 10): how a data set is encoded, named by its UID.
///
/// The reader needs three facts from it: whether VRs are explicit, the byte order and whether the data set
/// is deflated. ``isEncapsulated`` tells a check whether pixel data is compressed into fragments.
public struct TransferSyntax: Sendable, Hashable, CustomStringConvertible {
    /// The transfer syntax UID, `1.2.840.10008.1.2.1`.
    public let uid: String
    /// The name as PS3.6 gives it.
    public let name: String
    /// `false` only for Implicit VR Little Endian, where the reader takes VRs from the dictionary.
    public let isExplicitVR: Bool
    /// `true` only for the retired Explicit VR Big Endian.
    public let isBigEndian: Bool
    /// The data set after the file meta information is a raw deflate stream (RFC 1951).
    public let isDeflated: Bool
    /// Pixel data is a sequence of compressed fragments (JPEG, JPEG-LS, JPEG 2000, RLE).
    public let isEncapsulated: Bool

    /// A transfer syntax not in ``known``. Encapsulated syntaxes all encode the data set itself as Explicit VR
    /// Little Endian (PS3.5 A.4), so that is what the reader assumes for them.
    public init(
        uid: String, name: String, isExplicitVR: Bool = true, isBigEndian: Bool = false,
        isDeflated: Bool = false, isEncapsulated: Bool = false
    ) {
        self.uid = uid
        self.name = name
        self.isExplicitVR = isExplicitVR
        self.isBigEndian = isBigEndian
        self.isDeflated = isDeflated
        self.isEncapsulated = isEncapsulated
    }

    /// `Explicit VR Little Endian (1.2.840.10008.1.2.1)`.
    public var description: String { "\(name) (\(uid))" }

    /// Implicit VR Little Endian, `1.2.840.10008.1.2`.
    public static let implicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2", name: "Implicit VR Little Endian", isExplicitVR: false)
    /// Explicit VR Little Endian, `1.2.840.10008.1.2.1`.
    public static let explicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1", name: "Explicit VR Little Endian")
    /// Deflated Explicit VR Little Endian, `1.2.840.10008.1.2.1.99`.
    public static let deflatedExplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.99", name: "Deflated Explicit VR Little Endian", isDeflated: true)
    /// Explicit VR Big Endian (Retired), `1.2.840.10008.1.2.2`.
    public static let explicitVRBigEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.2", name: "Explicit VR Big Endian (Retired)", isBigEndian: true)
    /// JPEG Baseline (Process 1), `1.2.840.10008.1.2.4.50`.
    public static let jpegBaseline = encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)")
    /// JPEG Extended (Process 2 & 4), `1.2.840.10008.1.2.4.51`.
    public static let jpegExtended = encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)")
    /// JPEG Lossless, Non-Hierarchical (Process 14), `1.2.840.10008.1.2.4.57`.
    public static let jpegLossless = encapsulated(
        "1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)")
    /// JPEG Lossless SV1, `1.2.840.10008.1.2.4.70`: the usual lossless JPEG.
    public static let jpegLosslessSV1 = encapsulated(
        "1.2.840.10008.1.2.4.70",
        "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])")
    /// JPEG-LS Lossless Image Compression, `1.2.840.10008.1.2.4.80`.
    public static let jpegLSLossless = encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression")
    /// JPEG-LS Lossy (Near-Lossless) Image Compression, `1.2.840.10008.1.2.4.81`.
    public static let jpegLSNearLossless = encapsulated(
        "1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression")
    /// JPEG 2000 Image Compression (Lossless Only), `1.2.840.10008.1.2.4.90`.
    public static let jpeg2000Lossless = encapsulated(
        "1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)")
    /// JPEG 2000 Image Compression, `1.2.840.10008.1.2.4.91`: lossless *or* lossy, the UID alone does not say
    /// which (reference.md 9.1).
    public static let jpeg2000 = encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression")
    /// RLE Lossless, `1.2.840.10008.1.2.5`.
    public static let rleLossless = encapsulated("1.2.840.10008.1.2.5", "RLE Lossless")

    /// The standard transfer syntaxes this package names.
    public static let known: [TransferSyntax] = [
        .implicitVRLittleEndian, .explicitVRLittleEndian, .deflatedExplicitVRLittleEndian, .explicitVRBigEndian,
        .jpegBaseline, .jpegExtended, .jpegLossless, .jpegLosslessSV1, .jpegLSLossless, .jpegLSNearLossless,
        .jpeg2000Lossless, .jpeg2000, .rleLossless,
    ]

    private static let byUID: [String: TransferSyntax] = Dictionary(
        uniqueKeysWithValues: known.map { ($0.uid, $0) })

    /// The known transfer syntax with this UID, or `nil`.
    public static func named(_ uid: String) -> TransferSyntax? {
        byUID[uid]
    }

    private static func encapsulated(_ uid: String, _ name: String) -> TransferSyntax {
        TransferSyntax(uid: uid, name: name, isEncapsulated: true)
    }
}
