import FluentKit

/// The store's migrations, in the order they run. Append only: a released migration is never edited
/// or reordered; a change to the schema is a new migration at the end.
public enum StoreMigrations {
    /// Every migration, oldest first.
    public static let all: [any Migration] = [
        CreateRegions(),
        CreateDepartments(),
        CreateUnits(),
        CreateAccounts(),
        CreateTokens(),
        CreateBudgetVersions(),
        CreateBlobs(),
        CreatePublicationFiles(),
        CreateAuditEvents(),
        ProtectPublishedRecords(),
        CreateSignInAttempts(),
        CreateCheckJobs(),
        CreateCheckBatches(),
        CreateCheckFindings(),
        CreateIndexes(),
        CreatePortalIndex(),
    ]
}
