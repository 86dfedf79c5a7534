/// The three control bytes of the MLLP block, as HL7 v2 implementation guides define them.
///
/// ```
/// +------+----------------------------+------+------+
/// | 0x0B |  message bytes (HL7 v2)    | 0x1C | 0x0D |
/// |  VT  |                            |  FS  |  CR  |
/// +------+----------------------------+------+------+
///  start                                end block
/// ```
enum MLLPFraming {
    /// Vertical tab: opens a frame.
    static let startBlock: UInt8 = 0x0B
    /// File separator: closes the message bytes.
    static let endBlock: UInt8 = 0x1C
    /// Carriage return: the byte that must follow the end block.
    static let trailer: UInt8 = 0x0D
}
