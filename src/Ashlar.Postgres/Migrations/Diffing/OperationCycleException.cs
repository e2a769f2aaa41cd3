namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>
/// The changes cannot be ordered in one migration: some steps each need another to run first. The message names the
/// steps of the cycle and how to split the change.
/// </summary>
public sealed class OperationCycleException : InvalidOperationException
{
    /// <summary>Creates the exception for a cycle of steps.</summary>
    /// <param name="cycle">The descriptions of the steps, each needing the next, the last needing the first.</param>
    public OperationCycleException(IReadOnlyList<string> cycle)
        : base(Describe(cycle))
    {
        Cycle = cycle;
    }

    /// <summary>The steps of the cycle, each needing the next; the last needs the first.</summary>
    public IReadOnlyList<string> Cycle { get; }

    private static string Describe(IReadOnlyList<string> cycle) =>
        "Ashlar cannot order these migration steps, because each needs the next to run first: "
        + string.Join(" -> ", cycle.Append(cycle[0]))
        + ". Split the change into two migrations: generate one with part of it (e.g. rename one table or column to a "
        + "temporary name, or leave one of two mutually referencing foreign keys out, or make it deferrable), then "
        + "generate the rest in a later migration.";
}
