namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>A clock that stands still unless told to move.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
