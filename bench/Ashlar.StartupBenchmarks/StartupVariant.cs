namespace Ashlar.StartupBenchmarks;

/// <summary>Which declarations the generated resources make: the original ones, or each with one change.</summary>
public static class StartupVariant
{
    /// <summary>True to add an attribute to every resource and widen its price (a change to all tables).</summary>
    public static bool Changed { get; set; }
}
