namespace Ashlar.Diagnostics;

/// <summary>
/// The event ids of the log messages Ashlar's core writes (category <c>Ashlar.Domain</c>), stable across versions, for
/// filtering logs. The Postgres data layer's are in <c>Ashlar.Postgres.Diagnostics.PostgresEventId</c> (2000 and up).
/// </summary>
public static class AshlarEventId
{
    /// <summary>Debug: an action starts (<c>Running Ticket.open</c>).</summary>
    public const int RunningAction = 1000;

    /// <summary>Information: an action was refused, with every error.</summary>
    public const int ActionRefused = 1001;
}
