import FluentKit

/// Every schema change, in the order it is applied. Append only: a released migration is never edited.
public enum AnslutMigrations {
    public static let all: [any Migration] = [
        // 001 - the hash-chained audit trail
        CreateAuditEvents(),
        // 002 - organisations, users, roles and API tokens
        CreateAccounts(),
        // 003 - published process definitions, cases, item states, decisions, comments and questions
        CreateCases(),
        // 004 - browser sessions and the sign-in throttle
        CreateWebSessions(),
        // 005 - documents on cases (the content is on disk, content-addressed)
        CreateCaseDocuments(),
        // 006 - the order's system name beside its fields, for lists
        AddCaseSystemName(),
        // 007 - when a case was first submitted, for its place in the queue
        AddCaseSubmittedAt(),
        // 008 - on SQLite, a case's item states stored side by side (WITHOUT ROWID)
        ClusterCaseItems(),
        // 009 - when a bearer token was last used, for its owner's list of tokens
        AddTokenLastUsed(),
        // 010 - the scheduled jobs' last runs and the audit chain's signed checkpoints
        CreateScheduledJobsAndAuditCheckpoints(),
        // 011 - platforms as rows of their own, with the settings an admin edits
        CreatePlatforms(),
        // 012 - verification accounts, test sessions and the messages received in them
        CreateVerificationTraffic(),
        // 013 - a closed test session's frozen protocol and its hash
        AddTestProtocols(),
        // 014 - DICOM: calling AE titles on accounts, the DICOM profile of a session, the objects received
        AddDICOMTraffic(),
        // 015 - prioritisation: assessment matrices, assessments, queue skips, status changes
        CreatePrioritisation(),
        // 016 - an account's calling AE titles, several per account, in a table of their own
        CreateSystemAccountAETitles(),
    ]
}
