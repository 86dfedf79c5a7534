import Testing
import Web

@Suite("Process settings")
struct ProcessSettingsTests {
    #if canImport(Glibc)
    @Test("glibc takes the allocator settings anslut starts with")
    func allocatorKeepsFreedMemory() {
        #expect(AnslutMain.keepFreedMemory())
    }
    #endif
}
