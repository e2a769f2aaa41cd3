namespace Ashlar.Postgres.Repos;

/// <summary>
/// A PostgreSQL feature that a declaration or Ashlar's generated SQL can depend on, and that not every supported
/// server has; <see cref="PostgresCapabilities"/> says from which major on.
/// </summary>
internal enum PostgresFeature
{
    /// <summary><c>ON DELETE SET NULL (columns)</c>: nilify chosen columns of a foreign key (15).</summary>
    SetNullColumns,

    /// <summary><c>NULLS NOT DISTINCT</c> on unique indexes: identities whose nils are equal (15).</summary>
    NullsNotDistinct,

    /// <summary>The <c>MERGE</c> statement (15).</summary>
    Merge,

    /// <summary><c>MERGE … RETURNING</c> (17).</summary>
    MergeReturning,

    /// <summary>The native <c>uuidv7()</c> function (18).</summary>
    NativeUuidV7,

    /// <summary>Virtual generated columns, computed on read (18).</summary>
    VirtualGeneratedColumns,

    /// <summary><c>RETURNING OLD.* / NEW.*</c> in <c>INSERT</c>, <c>UPDATE</c>, <c>DELETE</c> and <c>MERGE</c> (18).</summary>
    ReturningOldNew,
}
