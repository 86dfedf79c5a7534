import Domain
import Testing

@Suite("Document content and names")
struct ContentSnifferTests {
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 56)

    static func zip(_ entries: String...) -> [UInt8] {
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] + entries.flatMap { Array($0.utf8) + [0x00, 0x01] }
    }

    @Test("each allowed type is recognised by its first bytes, whatever the name")
    func allowed() throws {
        let cases: [([UInt8], String, DetectedContentType)] = [
            (Array("%PDF-1.7\n%âãÏÓ".utf8), "x.bin", .pdf),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "bild", .png),
            ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "foto.png", .jpeg),
            (Self.zip("[Content_Types].xml", "word/document.xml"), "spec.docx", .docx),
            (Self.zip("[Content_Types].xml", "xl/workbook.xml"), "mappning.xlsx", .xlsx),
            (Self.zip("[Content_Types].xml", "ppt/presentation.xml"), "bilder.pptx", .pptx),
            (Array("Fält;Värde\nPID-3;personnummer\n".utf8), "mappning.csv", .csv),
            (Array("Flödet går från RIS till BFR.".utf8), "flöde.txt", .text),
        ]
        for (bytes, name, type) in cases {
            #expect(try ContentSniffer.detect(bytes, fileName: name).get() == type, "\(name)")
        }
    }

    @Test("an executable named .pdf, a plain ZIP, NUL bytes, broken UTF-8 and an empty file are refused")
    func refused() {
        let cases: [([UInt8], String, String)] = [
            (Self.elf, "x.pdf", "type-not-allowed"),
            (Array("MZ".utf8) + [0x90, 0x00, 0x03], "setup.docx", "type-not-allowed"),
            (Self.zip("payload.exe"), "arkiv.docx", "type-not-allowed"),
            (Self.zip("[Content_Types].xml"), "nästan.docx", "type-not-allowed"),
            (Array("text".utf8) + [0x00], "a.txt", "type-not-allowed"),
            ([0x66, 0xC3, 0x28], "a.txt", "type-not-allowed"),
            ([0x89, 0x50, 0x4E, 0x47, 0x41, 0x41, 0x41, 0x41, 0x41], "halv.png", "type-not-allowed"),
            ([], "tom.pdf", "empty-file"),
        ]
        for (bytes, name, code) in cases {
            guard case .failure(let refusal) = ContentSniffer.detect(bytes, fileName: name) else {
                Issue.record("\(name) was accepted")
                continue
            }
            #expect(refusal.code == code, "\(name)")
            #expect(!refusal.message.sv.isEmpty && !refusal.message.en.isEmpty && refusal.message.sv != refusal.message.en)
        }
    }

    @Test("every kind has a Swedish and an English title")
    func kindTitles() {
        #expect(DocumentKind.allCases.count == 10)
        #expect(DocumentKind.mappingSpecification.title.sv == "Mappningsspecifikation")
        #expect(DocumentKind.flowDescription.title.sv == "Flödesbeskrivning (systemskiss)")
        #expect(DocumentKind.informationSecurityClassification.rawValue == "information_security_classification")
        for kind in DocumentKind.allCases {
            #expect(!kind.title.sv.isEmpty && !kind.title.en.isEmpty)
        }
    }

    @Test("file names lose their folders and control characters and never become empty")
    func fileNames() {
        #expect(DocumentFileName.sanitised("C:\\Users\\anna\\Mappning v2.xlsx") == "Mappning v2.xlsx")
        #expect(DocumentFileName.sanitised("../../etc/passwd") == "passwd")
        #expect(DocumentFileName.sanitised("a\u{0}b\r\nc\u{202E}fdp.exe") == "abcfdp.exe")
        #expect(DocumentFileName.sanitised("  ") == "fil")
        #expect(DocumentFileName.sanitised("..") == "fil")
        #expect(DocumentFileName.sanitised(String(repeating: "x", count: 500)).count == 200)
    }

    @Test("the download header carries an ASCII fallback and the UTF-8 name percent-encoded")
    func contentDisposition() {
        #expect(DocumentFileName.contentDisposition("Flödesbeskrivning \"v2\";.pdf")
            == "attachment; filename=\"Fl_desbeskrivning _v2__.pdf\"; filename*=UTF-8''Fl%C3%B6desbeskrivning%20%22v2%22%3B.pdf")
        #expect(DocumentFileName.contentDisposition("a\r\nSet-Cookie: x=1")
            == "attachment; filename=\"aSet-Cookie: x=1\"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1")
    }

    @Test("a file judged in pieces gets the whole file's verdict, wherever the pieces are cut")
    func inPieces() {
        let samples: [([UInt8], String)] = [
            (Array("%PDF-1.7\n".utf8), "a.pdf"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "a.png"),
            (Self.zip("[Content_Types].xml", "word/document.xml"), "a.docx"),
            (Self.zip("[Content_Types].xml", "xl/workbook.xml"), "a.xlsx"),
            (Self.zip("[Content_Types].xml"), "a.docx"),
            (Array("Fält;Värde\nÅÄÖ åäö 😀 – ny rad\n".utf8), "a.csv"),
            (Array("Flödet går från RIS till BFR.".utf8) + [0xC3], "a.txt"),
            ([0x66, 0xC3, 0x28, 0x41], "a.txt"),
            (Array("text".utf8) + [0x00] + Array("mer".utf8), "a.txt"),
            (Self.elf, "a.pdf"),
            // Half a PNG signature: neither PNG nor text.
            ([0x89, 0x50, 0x4E, 0x47, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41], "a.txt"),
        ]
        var generator = SystemRandomNumberGenerator()
        for (bytes, name) in samples {
            let whole = ContentSniffer.detect(bytes, fileName: name)
            for _ in 0..<200 {
                var sniffing = ContentSniffer.Incremental()
                var rest = bytes[...]
                while !rest.isEmpty {
                    let length = Int.random(in: 0...min(rest.count, 5), using: &generator)
                    sniffing.consume(Array(rest.prefix(length)))
                    rest = rest.dropFirst(length)
                }
                #expect(sniffing.result(fileName: name) == whole, "\(name)")
            }
        }
    }
}
