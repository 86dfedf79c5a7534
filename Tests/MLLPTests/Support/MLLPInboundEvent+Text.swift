import MLLP
import NIOCore

extension MLLPInboundEvent {
    static func frame(_ text: String) -> MLLPInboundEvent {
        .frame(ByteBuffer(string: text))
    }

    static func frame(bytes: [UInt8]) -> MLLPInboundEvent {
        .frame(ByteBuffer(bytes: bytes))
    }
}

/// `0x0B` + `text` + `0x1C 0x0D`.
func framed(_ text: String) -> [UInt8] {
    framed(Array(text.utf8))
}

func framed(_ bytes: [UInt8]) -> [UInt8] {
    [0x0B] + bytes + [0x1C, 0x0D]
}
