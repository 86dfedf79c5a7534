import Foundation
import TestSupport
import Testing

/// Mistakes an operator makes at start get one clear line and a non-zero exit, never a stack trace.
@Suite("Start-up errors from the real executable")
struct StartupErrorTests {
    @Test(
        "a malformed DATABASE_URL is named",
        arguments: ["mysql://localhost/anslut", "postgres://", "postgres://host:99999/db", "not a url at all"])
    func malformedDatabaseURL(url: String) async throws {
        let outcome = try await AnslutExecutable.run(["migrate"], in: Self.scratchFolder(), environment: ["DATABASE_URL": url])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("DATABASE_URL is not usable"))
        Self.expectNoCrash(outcome)
    }

    @Test("a malformed upload limit is named with its rule", arguments: ["abc", "0", "-5", "99999"])
    func malformedUploadLimit(value: String) async throws {
        let outcome = try await AnslutExecutable.run(
            ["migrate"], in: Self.scratchFolder(), environment: ["ANSLUT_MAX_UPLOAD_MB": value, "DATABASE_URL": nil])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("ANSLUT_MAX_UPLOAD_MB is \"\(value)\"; it must be a whole number of megabytes from 1 to 4096."))
    }

    @Test("an unusable data folder is named with what to do")
    func unwritableDataFolder() async throws {
        let outcome = try await AnslutExecutable.run(
            ["migrate"], in: Self.scratchFolder(),
            environment: ["ANSLUT_DATA_DIR": "/dev/null/data", "DATABASE_URL": nil])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("The data folder /dev/null/data cannot be used"))
        #expect(outcome.stderr.contains("ANSLUT_DATA_DIR"))
        Self.expectNoCrash(outcome)
    }

    @Test("an unreachable PostgreSQL server is named")
    func unreachableServer() async throws {
        let outcome = try await AnslutExecutable.run(
            ["migrate"], in: Self.scratchFolder(), environment: ["DATABASE_URL": "postgres://anslut@127.0.0.1:1/anslut"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Could not open the database at 127.0.0.1:1/anslut"))
        Self.expectNoCrash(outcome)
    }

    @Test("an unknown command points at --help")
    func unknownCommand() async throws {
        let outcome = try await AnslutExecutable.run(["frobnicate"], in: Self.scratchFolder())
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("anslut --help"))
        Self.expectNoCrash(outcome)
    }

    @Test("migrate creates the SQLite file in ./data by default")
    func defaultSQLiteFile() async throws {
        let folder = Self.scratchFolder()
        let outcome = try await AnslutExecutable.run(
            ["migrate"], in: folder, environment: ["DATABASE_URL": nil, "ANSLUT_DATA_DIR": nil])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/data/anslut.sqlite"))
        #expect(outcome.stdout.contains("data/anslut.sqlite"))
    }

    static func scratchFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("anslut-cli-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func expectNoCrash(_ outcome: AnslutExecutable.Outcome) {
        #expect(!outcome.stderr.contains("Fatal error"))
        #expect(!outcome.stderr.contains("Stack dump"))
        #expect(outcome.stderr.split(separator: "\n").count <= 2, "\(outcome.stderr)")
    }
}
