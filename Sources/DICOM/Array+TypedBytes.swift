extension Array where Element == UInt8 {
    /// `withUnsafeBytes` that keeps the closure's error type; the standard library's rethrows `any Error`,
    /// which would lose the typed errors of the reader.
    func withTypedBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let outcome: Swift.Result<Result, Failure> = withUnsafeBytes { buffer in
            do throws(Failure) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try outcome.get()
    }
}
