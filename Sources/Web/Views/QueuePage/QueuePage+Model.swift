import Foundation

/// `/platforms/{code}/queue`: the platform team's whole queue with the capacity, the case offered, the order with
/// expected starts and the cases not yet assessed; or, for an applicant, their own cases' places and the rule.
enum QueuePage {
    struct Model: Sendable {
        let context: PageContext
        let platform: String
        /// The other platforms' queues the viewer may open, as code and link.
        let platforms: [(code: String, href: String, current: Bool)]
        let rule: String?
        let problem: [String]
        let team: Team?
        let applicant: [OwnCase]?
    }

    struct Team: Sendable {
        let capacity: Int
        let running: Int
        let freePlaces: Int
        let platformVersion: Int
        let mayChange: Bool
        let capacityError: String?
        /// "Prognosen bygger på mediantiden 42 dagar för 5 avslutade anslutningar" or why there is none.
        let forecastNote: String
        let offered: Row?
        /// The first ``QueuePage/shown`` of each list; the totals count them all.
        let waiting: [Row]
        let waitingTotal: Int
        let notAssessed: [Row]
        let notAssessedTotal: Int
        let runningRows: [Row]
    }

    /// How many rows of a list the page shows; the API pages through the rest.
    static let shown = 200

    struct Row: Sendable {
        let caseID: UUID
        let position: Int?
        let number: String
        let href: String
        let organisation: String
        let system: String
        let total: String
        let submitted: String
        let status: String
        let expectedStart: String
        let skipReason: String?
        let caseVersion: Int
    }

    struct OwnCase: Sendable {
        let number: String
        let href: String
        let status: String
        let standing: String
        let total: String?
    }
}
