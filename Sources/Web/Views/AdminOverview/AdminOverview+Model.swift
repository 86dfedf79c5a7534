/// `/admin`: where an admin starts, one link per admin page.
enum AdminOverview {
    struct Model: Sendable {
        let context: PageContext
    }
}
