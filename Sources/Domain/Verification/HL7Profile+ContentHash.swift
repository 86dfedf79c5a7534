extension HL7Profile {
    /// Lower-case hexadecimal SHA-256 of the profile's canonical JSON (``CanonicalJSON``: keys sorted, no white
    /// space), so that the same content read from YAML in any layout has the same hash.
    public var contentHash: String { CanonicalJSON.hash(of: self) }
}
