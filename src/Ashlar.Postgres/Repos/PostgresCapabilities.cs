namespace Ashlar.Postgres.Repos;

/// <summary>
/// What a PostgreSQL major can run, in one table: the build-time gates read it with the repo's
/// <see cref="PostgresRepo.MinPostgresVersion"/>, the generated SQL uses a feature only when the minimum has it, and the
/// live-server check names what an older server lacks.
/// </summary>
/// <param name="Major">The PostgreSQL major, e.g. 15.</param>
internal sealed record PostgresCapabilities(int Major)
{
    /// <summary>The oldest major Ashlar supports and tests (the AshPostgres promise: newer than 13).</summary>
    public const int OldestSupported = 14;

    /// <summary>The newest major the test matrix runs.</summary>
    public const int NewestTested = 18;

    private static readonly (PostgresFeature Feature, int Since, string Sql)[] Table =
    [
        (PostgresFeature.SetNullColumns, 15, "ON DELETE SET NULL (columns)"),
        (PostgresFeature.NullsNotDistinct, 15, "NULLS NOT DISTINCT"),
        (PostgresFeature.Merge, 15, "MERGE"),
        (PostgresFeature.MergeReturning, 17, "MERGE ... RETURNING"),
        (PostgresFeature.NativeUuidV7, 18, "uuidv7()"),
        (PostgresFeature.VirtualGeneratedColumns, 18, "virtual generated columns"),
        (PostgresFeature.ReturningOldNew, 18, "RETURNING OLD/NEW"),
    ];

    /// <summary>Every feature in the table, oldest major first.</summary>
    public static IReadOnlyList<PostgresFeature> Features { get; } = [.. Table.OrderBy(f => f.Since).Select(f => f.Feature)];

    /// <summary>The capabilities of the major of <paramref name="version"/> (a repo minimum or a server version).</summary>
    public static PostgresCapabilities Of(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new(version.Major);
    }

    /// <summary>The first major that has <paramref name="feature"/>.</summary>
    public static int Since(PostgresFeature feature) => Entry(feature).Since;

    /// <summary>The SQL words of <paramref name="feature"/>, for messages, e.g. <c>NULLS NOT DISTINCT</c>.</summary>
    public static string Describe(PostgresFeature feature) => Entry(feature).Sql;

    /// <summary>Whether this major has <paramref name="feature"/>.</summary>
    public bool Has(PostgresFeature feature) => Major >= Since(feature);

    /// <summary>The features <paramref name="newer"/> has and this major lacks, oldest first.</summary>
    public IReadOnlyList<PostgresFeature> Lacks(PostgresCapabilities newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return [.. Features.Where(f => newer.Has(f) && !Has(f))];
    }

    private static (PostgresFeature Feature, int Since, string Sql) Entry(PostgresFeature feature) =>
        Array.Find(Table, f => f.Feature == feature) is { Sql: not null } entry
            ? entry
            : throw new ArgumentOutOfRangeException(nameof(feature), feature, "not in the capabilities table");
}
