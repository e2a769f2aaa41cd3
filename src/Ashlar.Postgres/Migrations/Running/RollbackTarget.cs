namespace Ashlar.Postgres.Migrations.Running;

/// <summary>How far <see cref="MigrationRunner.RollbackAsync"/> goes back: a number of steps or a version to stop at.</summary>
public sealed record RollbackTarget
{
    private RollbackTarget(int? steps, string? version)
    {
        StepCount = steps;
        Version = version;
    }

    /// <summary>The number of newest applied migrations to roll back, or null when <see cref="Version"/> is set.</summary>
    public int? StepCount { get; }

    /// <summary>The version that stays applied (every newer one is rolled back), or null when <see cref="StepCount"/> is set.</summary>
    public string? Version { get; }

    /// <summary>Rolls back the <paramref name="count"/> newest applied migrations.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static RollbackTarget Steps(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new RollbackTarget(count, null);
    }

    /// <summary>Rolls back every applied migration newer than <paramref name="version"/>; <c>0</c> rolls back all of them.</summary>
    public static RollbackTarget To(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return new RollbackTarget(null, version);
    }

    /// <inheritdoc />
    public override string ToString() => StepCount is { } n ? $"{n} step(s)" : $"to version {Version}";
}
