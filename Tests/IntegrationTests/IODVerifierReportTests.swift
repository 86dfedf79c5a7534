import Domain
import Integration
import Testing

@Suite("dciodvfy's output as findings")
struct IODVerifierReportTests {
    /// Lines as dciodvfy 1.00 (Debian's dicom3tools) printed them for a generated CT image.
    static let output = """
        Warning - </StudyTime(0008,0030)> - Missing attribute or value that would be needed to build DICOMDIR
        CTImage
        Error - </PatientSex(0010,0040)> - Missing attribute for Type 2 Required - Module=<Patient>
        Error - </ImageType(0008,0008)> - A value is required for value 3 in CT Images
        Error - Bad attribute somewhere without a tag
        """

    @Test("each Error and Warning line is a warning at its tag, the tool's severity kept in the rule; other lines are left out")
    func findings() {
        let findings = IODVerifierReport.findings(Self.output)
        #expect(findings.map(\.rule) == ["dciodvfy.warning", "dciodvfy.error", "dciodvfy.error", "dciodvfy.error"])
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings.map(\.location?.description) == ["(0008,0030)", "(0010,0040)", "(0008,0008)", nil])
        #expect(findings.map(\.code) == [101, 101, 102, 102])
        #expect(findings[1].text.en == "dciodvfy (second opinion): Error - </PatientSex(0010,0040)> - Missing attribute for Type 2 Required - Module=<Patient>")
        #expect(findings[1].text.sv.hasPrefix("dciodvfy (andra bedömning): "))
    }

    @Test("nothing, or nothing it recognises, is no finding", arguments: ["", "CTImage\n", "Errors - no\n", "Error-no space\n"])
    func nothing(output: String) {
        #expect(IODVerifierReport.findings(output).isEmpty)
    }
}
