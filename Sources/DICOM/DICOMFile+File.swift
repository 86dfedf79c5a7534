#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading Part 10 objects from disk.
///
/// With ``ReadOptions/stopBeforePixelData`` the file is read in growing pieces: the first 16 KiB, which holds
/// the whole header of a typical CT or MR object, then twice as much each time the parse runs out, parsing
/// again from the start (headers are small, so re-parsing is cheaper than keeping parser state between
/// reads). The pixel data is never read from disk. Plain `pread` rather than `mmap`: no page-table work per
/// file, and a file truncated by another process is an error here instead of a SIGBUS.
///
/// Without it the whole file is read into a buffer that lives only for the read; the result keeps only
/// the values, never the pixel data.
extension DICOMFile {
    /// The first piece a header read takes from disk.
    static let firstReadSize = 16 << 10

    /// Reads the Part 10 file at `path`; see the extension's note for what is read from disk.
    public static func read(
        atPath path: String, options: ReadOptions = .headerOnly
    ) throws(DICOMReadError) -> DICOMFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(path) }
        var fileSize = Int(status.st_size)

        var bytes: [UInt8] = []
        var wanted = options.stopBeforePixelData ? min(fileSize, firstReadSize) : fileSize
        while true {
            let previous = bytes
            var readError: Int32 = 0
            bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
                count = previous.withUnsafeBytes {
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0); return $0.count
                }
                while count < wanted {
                    let got = pread(descriptor, buffer.baseAddress! + count, wanted - count, off_t(count))
                    if got < 0, errno == EINTR { continue }
                    if got < 0 { readError = errno }
                    if got <= 0 { break }
                    count += got
                }
            }
            if readError != 0 {
                throw DICOMReadError.unreadableFile(path: path, reason: String(cString: strerror(readError)))
            }
            // A file that shrank since fstat ends where the read ended.
            if bytes.count < wanted { fileSize = bytes.count }
            let complete = bytes.count >= fileSize
            do {
                return try bytes.withTypedBytes { buffer throws(ParseFailure) in
                    try Part10Parser.parse(buffer, inputIsComplete: complete, options: options)
                }
            } catch .needMoreInput where !complete {
                wanted = min(fileSize, wanted * 2)
            } catch {
                throw error.readError(inputCount: bytes.count)
            }
        }
    }

    private static func unreadable(_ path: String) -> DICOMReadError {
        .unreadableFile(path: path, reason: String(cString: strerror(errno)))
    }
}
