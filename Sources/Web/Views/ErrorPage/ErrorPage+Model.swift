/// What a page shows when a request fails: not found, refused, or broken.
enum ErrorPage {
    struct Model: Sendable {
        let context: PageContext
        let title: String
        let message: String
    }
}
