import Yams

/// A line and column in a file, counted from 1 (Yams' `Mark` cannot be built outside Yams).
struct FilePosition: Hashable {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }

    static let start = FilePosition(line: 1, column: 1)
}
