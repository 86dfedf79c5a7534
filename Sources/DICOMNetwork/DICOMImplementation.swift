/// How this listener names itself: in A-ASSOCIATE-AC (user information sub-items 0x52 and 0x55) and in the
/// file meta information of every file it writes ((0002,0012) and (0002,0013)).
public enum DICOMImplementation {
    /// Under the UID root the `DICOM` target's test writer uses (`…1418.1`); to be replaced by the
    /// project's own registered root before production.
    public static let classUID = "1.2.826.0.1.3680043.10.1418.2"
    /// At most 16 characters (SH).
    public static let versionName = "ANSLUT_NET_1"
}
