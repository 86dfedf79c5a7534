import Logging

extension Logger {
    /// Writes a protocol listener's log line at its level: the MLLP and DICOM targets know nothing of swift-log, so
    /// each hands its lines to a closure that calls this.
    func listenerLine(debug: Bool, warning: Bool, _ line: String) {
        if warning {
            self.warning("\(line)")
        } else if debug {
            self.debug("\(line)")
        } else {
            self.info("\(line)")
        }
    }
}
