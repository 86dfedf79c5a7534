#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A Part 10 file written while its data set arrives, one fragment at a time, on NIO's blocking thread pool.
///
/// Each operation runs after the previous one finished, so the bytes land in order while the event loop
/// goes on reading the socket; nothing here blocks the event loop. A failed write (a full disk) makes
/// every later write a no-op, and ``finish()`` then fails and removes the file. Plain POSIX calls rather than
/// `FileHandle`: they run on the pool's threads, and `O_EXCL` with mode 0600 keeps other users out.
///
/// The file's SHA-256 is computed as its bytes are written, on the same pool thread, so the application need not read
/// the file again to keep it under its hash: that second read and hash came after the last fragment, while the
/// sender waited for its answer, about 0.5 ms of a 525 KB CT image (BENCHMARKS.md, DICOM receiving over the network).
///
/// Fragments that arrive while a write waits for the pool go with it: one hop for all of them. A 525 KB image
/// arrives in about seventeen reads, and a hop for each was as much of its time as the writing.
///
/// Used on its association's event loop only.
final class IncomingObjectFile {
    /// Why the file could not be written.
    struct WriteFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// What each step of the chain hands to the next.
    fileprivate enum State: Sendable {
        /// The descriptor, and the digest of the bytes written so far.
        case open(Int32, SHA256)
        case failed(descriptor: Int32?, WriteFailure)
    }

    let path: String
    /// The length of the preamble, prefix and file meta information.
    let dataSetOffset: Int
    /// Bytes handed to ``write(_:)`` so far, header included: the file's size once they are written.
    private(set) var size: Int
    private let threadPool: NIOThreadPool
    private let eventLoop: any EventLoop
    private var tail: EventLoopFuture<State>
    /// Bytes waiting for the write that `tail` ends with, which takes them all when it runs on the pool.
    private let queued = NIOLockedValueBox(Queued())

    private struct Queued {
        var buffers: [ByteBuffer] = []
        /// Whether a write is chained that has not yet taken the buffers.
        var writePending = false
    }

    /// An empty file made on the pool before its object starts, so that making it is not part of the sender's
    /// wait: a new file's inode took up to a millisecond, about half an object's time, on a file system that had
    /// just deleted many files (BENCHMARKS.md, DICOM receiving over the network). Each association keeps one ready
    /// for its next object.
    struct Spare {
        let path: String
        fileprivate let made: EventLoopFuture<State>

        /// Starts making the file at `path`.
        init(path: String, threadPool: NIOThreadPool, eventLoop: any EventLoop) {
            self.path = path
            made = threadPool.runIfActive(eventLoop: eventLoop) {
                let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard descriptor >= 0 else {
                    return .failed(descriptor: nil, WriteFailure(description: "cannot create \(path): \(IncomingObjectFile.lastError())"))
                }
                return .open(descriptor, SHA256())
            }
        }

        /// Closes and removes the file once it is made; for an association that ends with it unused.
        func discard(threadPool: NIOThreadPool, eventLoop: any EventLoop) -> EventLoopFuture<Void> {
            let path = self.path
            return made.flatMap { state in
                threadPool.runIfActive(eventLoop: eventLoop) {
                    if case .open(let descriptor, _) = state { close(descriptor) }
                    unlink(path)
                }
            }
        }
    }

    /// The object's file: `spare`, with `header` queued as its first bytes.
    init(spare: Spare, header: [UInt8], threadPool: NIOThreadPool, eventLoop: any EventLoop) {
        self.path = spare.path
        self.dataSetOffset = header.count
        self.size = header.count
        self.threadPool = threadPool
        self.eventLoop = eventLoop
        self.tail = spare.made
        self.enqueue(ByteBuffer(bytes: header))
    }

    /// Queues `bytes` after everything queued before; the future completes once they are on their way to
    /// the disk (or skipped after an earlier failure), for the caller's backpressure.
    func write(_ bytes: ByteBuffer) -> EventLoopFuture<Void> {
        self.size += bytes.readableBytes
        return self.enqueue(bytes)
    }

    @discardableResult
    private func enqueue(_ bytes: ByteBuffer) -> EventLoopFuture<Void> {
        let chainsWrite = self.queued.withLockedValue { queued in
            queued.buffers.append(bytes)
            defer { queued.writePending = true }
            return !queued.writePending
        }
        if chainsWrite {
            let threadPool = self.threadPool
            let eventLoop = self.eventLoop
            let queued = self.queued
            self.tail = self.tail.flatMap { state in
                threadPool.runIfActive(eventLoop: eventLoop) {
                    let buffers = queued.withLockedValue { queued in
                        queued.writePending = false
                        defer { queued.buffers.removeAll() }
                        return queued.buffers
                    }
                    guard case .open(let descriptor, var digest) = state else { return state }
                    var written = state
                    for buffer in buffers {
                        written = buffer.withUnsafeReadableBytes { Self.writeAll($0, to: descriptor, &digest) }
                        guard case .open = written else { break }
                    }
                    return written
                }
            }
        }
        // The chain's last write takes these bytes, whether chained now or before.
        return self.tail.map { _ in () }
    }

    /// Closes the file once every queued write is done; its SHA-256 (lowercase hex). Fails, having removed the file,
    /// when any write failed. The file is not synced: making it durable is the handler's part, which it does anyway.
    func finish() -> EventLoopFuture<String> {
        let path = self.path
        return self.settle { state in
            switch state {
            case .open(let descriptor, let digest):
                guard close(descriptor) == 0 else {
                    let failure = WriteFailure(description: "cannot close \(path): \(Self.lastError())")
                    unlink(path)
                    throw failure
                }
                return Self.hex(digest.finalize())
            case .failed(let descriptor, let failure):
                if let descriptor { close(descriptor) }
                unlink(path)
                throw failure
            }
        }
    }

    /// Closes and removes the file once every queued write is done, whatever their outcome.
    func discard() -> EventLoopFuture<Void> {
        let path = self.path
        return self.settle { state in
            switch state {
            case .open(let descriptor, _), .failed(.some(let descriptor), _): close(descriptor)
            case .failed(.none, _): break
            }
            unlink(path)
        }
    }

    /// Runs `body` on the pool with the chain's last state; the chain ends there.
    private func settle<Result: Sendable>(
        _ body: @escaping @Sendable (State) throws -> Result
    ) -> EventLoopFuture<Result> {
        let threadPool = self.threadPool
        let eventLoop = self.eventLoop
        let settled = self.tail.flatMap { state in threadPool.runIfActive(eventLoop: eventLoop) { try body(state) } }
        self.tail = settled.map { _ in .failed(descriptor: nil, WriteFailure(description: "file already closed")) }
        return settled
    }

    /// Removes whatever is at `path`, on the pool: what a handler left of the file it was given.
    static func removeLeftover(at path: String, threadPool: NIOThreadPool, eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        threadPool.runIfActive(eventLoop: eventLoop) { _ = unlink(path) }
    }

    /// Writes `bytes` and adds them to `digest`; the state after.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, _ digest: inout SHA256) -> State {
        var written = 0
        while written < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                return .failed(descriptor: descriptor, WriteFailure(description: "write failed: \(Self.lastError())"))
            }
            written += result
        }
        digest.update(bufferPointer: bytes)
        return .open(descriptor, digest)
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(SHA256.Digest.byteCount * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    fileprivate static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

@available(*, unavailable)
extension IncomingObjectFile: Sendable {}

/// `write(2)`, under a name the class's own `write(_:)` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
