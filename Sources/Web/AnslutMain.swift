import ConsoleKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import Persistence
import Vapor

/// The whole life of the `anslut` process: environment, logging, configuration, the command, shutdown, and
/// one clear line (never a stack trace) when something the operator can fix goes wrong.
public enum AnslutMain {
    /// Lets Swift's tasks run on the event loops (the HTTP server's threads): an API request then no longer
    /// hops from its connection's thread to the task pool and back, which cost the case API more than its
    /// database reads (BENCHMARKS.md). Vapor's template offers the same. Nothing here waits on a future
    /// with `.wait()`, which this forbids on those threads. Call it first, from the main thread.
    public static func runTasksOnEventLoops() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Lets glibc's allocator keep freed memory at the top of its heaps (up to 32 MB, grown 4 MB at a time)
    /// instead of handing it back after each burst: every case answer allocates about 100 KB, and returning
    /// and faulting those pages in again took a twentieth of the server's time under load (BENCHMARKS.md).
    /// Whether glibc took both settings; elsewhere nothing is changed and the answer is false.
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out <malloc.h>, so `mallopt` and its parameters are taken from there by hand.
        typealias Mallopt = @convention(c) (_ parameter: Int32, _ value: Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2
        // mallopt answers 1 when it took the setting.
        return mallopt(trimThreshold, 32 << 20) == 1 && mallopt(topPad, 4 << 20) == 1
        #else
        return false
        #endif
    }

    public static func run() async -> Int32 {
        let environment: Environment
        do {
            environment = try Environment.detect()
        } catch {
            printError("\(error)")
            return 2
        }
        LogSetup.bootstrap()
        let app: Application
        do {
            app = try await Application.make(environment)
        } catch {
            printError("Cannot start: \(error)")
            return 1
        }
        let status: Int32
        do {
            try configure(app, config: .fromEnvironment())
            try await app.startup()
            try await app.running?.onStop.get()
            // Requests in flight finish before the databases close: Vapor's own shutdown closes them first, and
            // a request that then asked for one crashed the process (SIGTERM under load).
            await app.server.shutdown()
            status = 0
        } catch let exit as CommandExit {
            if let message = exit.message { printError(message) }
            status = exit.status
        } catch let error as StorageError {
            printError(error.description)
            status = 1
        } catch let error as AppConfig.InvalidSetting {
            printError(error.description)
            status = 1
        } catch let error as CommandError {
            printError("\(error). See `anslut --help`.")
            status = 2
        } catch {
            printError(String(describing: error))
            status = 1
        }
        try? await app.asyncShutdown()
        return status
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("anslut: \(message)\n".utf8))
    }
}
