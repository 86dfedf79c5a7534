/// Starting a case: the platform to order a connection to.
enum NewCase {
    struct Model: Sendable {
        let context: PageContext
        /// Platform code and title.
        let platforms: [(code: String, title: String)]
    }
}
