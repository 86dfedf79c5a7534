import DICOM
import Testing

/// Damaged and hostile input gives a value or an error: never a crash, a hang or a large allocation.
/// Seeded and bounded, so the suite runs in about a second and failures replay.
@Suite struct FuzzTests {
    static let syntaxes: [TransferSyntax] = [
        .explicitVRLittleEndian, .implicitVRLittleEndian, .explicitVRBigEndian, .deflatedExplicitVRLittleEndian,
    ]

    /// A valid file in `syntax` with nested defined and undefined-length sequences and pixel data.
    static func validFile(_ syntax: TransferSyntax) -> [UInt8] {
        var dataSet = ctLikeDataSet(pixelBytes: 32)
        dataSet.set(
            .otherPatientIDsSequence, .SQ,
            .sequence([SequenceTests.nested(undefinedLength: true)], undefinedLength: false))
        return dataSet.part10(transferSyntax: syntax)
    }

    /// Reads every way there is; the values are walked so lazily decoded strings are exercised too.
    static func readEveryWay(_ bytes: [UInt8]) {
        for options in [
            ReadOptions.full, .headerOnly, ReadOptions(maximumSequenceDepth: 4, maximumInflatedSize: 1 << 20),
        ] {
            if let file = try? DICOMFile.read(from: bytes, options: options) {
                walk(file.dataSet)
            }
            for syntax in syntaxes {
                if let dataSet = try? DataSet.read(from: bytes, transferSyntax: syntax, options: options) {
                    walk(dataSet)
                }
            }
        }
    }

    static func walk(_ dataSet: DataSet) {
        for element in dataSet.elements {
            _ = dataSet.strings(element.tag)
            _ = dataSet.integer(element.tag)
            for item in dataSet.items(element.tag) { walk(item) }
        }
    }

    @Test func randomBytes() {
        var random = SeededGenerator(seed: 1)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<300, using: &random)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            if Bool.random(using: &random), bytes.count > 132 {
                bytes.replaceSubrange(128..<132, with: Array("DICM".utf8))
            }
            Self.readEveryWay(bytes)
        }
    }

    @Test(arguments: syntaxes) func everyTruncation(syntax: TransferSyntax) {
        let bytes = Self.validFile(syntax)
        for length in 0..<bytes.count {
            let cut = Array(bytes.prefix(length))
            if let file = try? DICOMFile.read(from: cut) {
                // A cut can only land between top-level elements to still read.
                #expect(file.dataSet.elements.count <= (try! DICOMFile.read(from: bytes)).dataSet.elements.count)
            }
        }
    }

    @Test(arguments: syntaxes) func randomMutations(syntax: TransferSyntax) {
        let valid = Self.validFile(syntax)
        var random = SeededGenerator(seed: 2)
        for _ in 0..<1_500 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 128..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes[index] = 0xFF
                case 2:
                    if index + 4 <= bytes.count {
                        bytes.replaceSubrange(index..<(index + 4), with: [0xF0, 0xFF, 0xFF, 0xFF])
                    }
                default: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...16, using: &random)))
                }
            }
            Self.readEveryWay(bytes)
        }
    }

    @Test func hugeLengthsInEveryPosition() {
        // Every 4-byte window of a valid file replaced by 0xFFFFFFF0 (and by undefined length).
        let valid = Self.validFile(.explicitVRLittleEndian)
        for index in stride(from: 132, to: valid.count - 4, by: 1) {
            for lie: [UInt8] in [[0xF0, 0xFF, 0xFF, 0xFF], [0xFF, 0xFF, 0xFF, 0xFF]] {
                var bytes = valid
                bytes.replaceSubrange(index..<(index + 4), with: lie)
                _ = try? DICOMFile.read(from: bytes)
            }
        }
    }

    @Test func deepNestingIsRefusedNotRecursed() {
        // 100,000 nested undefined-length sequences and items: 1.6 MB of headers and no values.
        let opening: [UInt8] = [
            0x40, 0x00, 0x30, 0xA7, UInt8(ascii: "S"), UInt8(ascii: "Q"), 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF,
        ]
        let bytes = Array([[UInt8]](repeating: opening, count: 100_000).joined())
        #expect {
            try DataSet.read(from: bytes, transferSyntax: .explicitVRLittleEndian)
        } throws: { error in
            if case .sequenceTooDeep(let offset, .contentSequence, 32) = error as? DICOMReadError {
                return offset == 32 * 20
            }
            return false
        }
    }
}
