import Domain
import Persistence

extension CaseQueue.Place {
    /// "3 av 7", as the pages show a place in the queue.
    func text(_ l: Domain.Language) -> String {
        l("\(position) av \(total)", "\(position) of \(total)")
    }
}
