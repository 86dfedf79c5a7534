import Domain
import ProcessFiles
import Testing

/// The example in `Processes/README.md` is a valid process file, so the documentation cannot drift.
@Suite struct ReadmeExampleTests {
    @Test func theReadmesExampleLoads() throws {
        let readme = try String(contentsOf: RepositoryFiles.process("README.md"), encoding: .utf8)
        let example = try #require(readme.components(separatedBy: "```yaml\n").dropFirst().first?
            .components(separatedBy: "```").first)

        let definition = try ProcessDefinitionLoader.load(yaml: example, file: "README.md")

        #expect(definition.id == "demo")
        #expect(definition.items.map(\.id) == ["intag.bedomning.komplett", "intag.bedomning.godkand", "arbete.underlag.sad"])
        #expect(definition.items.last?.isRequired == false)
    }
}
