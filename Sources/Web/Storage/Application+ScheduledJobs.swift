import Persistence
import Vapor
import Workflow

extension Application {
    /// Starts the scheduled jobs (`StandardJobs`) in a task of their own once storage is ready; the task is
    /// cancelled, and awaited, when the application shuts down, before the databases close.
    func startScheduledJobs(signingKey: Curve25519.Signing.PrivateKey) {
        guard let choice = databaseChoice else { preconditionFailure("prepareStorage runs before the jobs start") }
        let runner = JobRunner(
            jobs: StandardJobs.all(engine: choice.engine, signingKey: signingKey, clock: config.clock),
            store: store, choice: choice, clock: config.clock)
        let logger = logger
        let task = Task {
            await runner.runUntilCancelled { result in
                switch result {
                case .success(let outcomes):
                    for outcome in outcomes { Self.log(outcome, to: logger) }
                case .failure(let error):
                    logger.error("Scheduled jobs could not read their schedule", metadata: ["error": "\(error)"])
                }
            }
        }
        lifecycle.use(ScheduledJobsTask(task: task))
    }

    private static func log(_ outcome: JobRunner.Outcome, to logger: Logger) {
        switch outcome {
        case .ran(let name): logger.info("Scheduled job ran", metadata: ["job": "\(name)"])
        case .skipped(let name): logger.debug("Scheduled job left to another run", metadata: ["job": "\(name)"])
        case .failed(let name, let reason):
            logger.error("Scheduled job failed", metadata: ["job": "\(name)", "error": "\(reason)"])
        }
    }
}

/// Stops the jobs' task at shutdown and waits for a run in progress to give up.
private struct ScheduledJobsTask: LifecycleHandler {
    let task: Task<Void, Never>

    func shutdownAsync(_ application: Application) async {
        task.cancel()
        await task.value
    }
}
