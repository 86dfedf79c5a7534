import FluentKit

/// Every schema change, in the order it is applied. Append only: a released migration is never edited.
public enum AnslutMigrations {
    public static let all: [any Migration] = [
        // 001 - the hash-chained audit trail
        CreateAuditEvents(),
    ]
}
