import Foundation

extension JobRunner {
    // Bounds on the pause between passes: a failed job is tried again after a minute rather than at once, and a
    // clock that jumps (or a job another instance ran) is noticed within ten minutes.
    static let shortestPause: TimeInterval = 60
    static let longestPause: TimeInterval = 600

    /// Runs the due jobs, sleeps until the next is due, and again, until the task is cancelled. `report`
    /// hears every outcome and every error reading the schedule.
    public func runUntilCancelled(report: @Sendable (Result<[Outcome], any Error>) -> Void) async {
        while !Task.isCancelled {
            do {
                report(.success(try await runDueJobs()))
            } catch {
                report(.failure(error))
            }
            let next = (try? await nextDue()) ?? clock.now().addingTimeInterval(Self.longestPause)
            let pause = min(max(next.timeIntervalSince(clock.now()), Self.shortestPause), Self.longestPause)
            do {
                try await Task.sleep(for: .seconds(pause))
            } catch {
                return
            }
        }
    }
}
