using System.Diagnostics.Metrics;

namespace Ashlar.Diagnostics;

/// <summary>
/// The one <see cref="System.Diagnostics.Metrics.Meter"/> name Ashlar measures with. Listen to <see cref="Name"/>
/// (OpenTelemetry: <c>AddMeter("Ashlar")</c>).
/// </summary>
public static class AshlarMeter
{
    /// <summary>The meter's name: <c>Ashlar</c>. The data layers measure under the same name.</summary>
    public const string Name = "Ashlar";

    /// <summary>The histogram of action durations, in seconds, tagged <c>ashlar.resource</c> and <c>ashlar.action</c>.</summary>
    public const string OperationDuration = "ashlar.operation.duration";

    internal static Meter Meter { get; } = new(Name);

    internal static Histogram<double> Operations { get; } = Meter.CreateHistogram<double>(
        OperationDuration, unit: "s", description: "How long an Ashlar action (read, create, update, destroy, bulk) took, database round trips included.");
}
