/// Ends a command with an exit status. `message`, when there is one, is printed on standard error as the
/// one line that says what went wrong; a command that already printed its answer leaves it empty.
struct CommandExit: Error {
    let status: Int32
    let message: String?

    init(status: Int32, message: String? = nil) {
        self.status = status
        self.message = message
    }
}
