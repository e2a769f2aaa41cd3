using System.Diagnostics.Metrics;
using Ashlar.Diagnostics;

namespace Ashlar.Postgres.Diagnostics;

/// <summary>
/// The data layer's instruments, under the <see cref="AshlarMeter.Name"/> meter: statement durations and the wait for
/// a pooled connection.
/// </summary>
public static class PostgresMetrics
{
    /// <summary>The histogram of statement durations, in seconds, from send to last row read; tagged <c>ashlar.resource</c>,
    /// <c>ashlar.operation</c> (<c>read</c>, <c>create</c>, <c>update</c>, <c>destroy</c>) and, on failure, <c>error.type</c>.</summary>
    public const string CommandDuration = "ashlar.db.command.duration";

    /// <summary>The histogram of waits for a connection from the pool (an open one when idle, a new one otherwise), in seconds.</summary>
    public const string ConnectionWait = "ashlar.db.connection.wait";

    private static readonly Meter Meter = new(AshlarMeter.Name);

    internal static Histogram<double> Commands { get; } = Meter.CreateHistogram<double>(
        CommandDuration, unit: "s", description: "How long a statement took, from sending it to reading its last row.");

    internal static Histogram<double> ConnectionWaits { get; } = Meter.CreateHistogram<double>(
        ConnectionWait, unit: "s", description: "How long a statement waited for a pooled connection.");
}
