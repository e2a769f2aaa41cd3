using System.Globalization;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>What a run of write → read pairs saw: stale reads, and where the reads went.</summary>
internal sealed record PairResult(int Pairs, int Stale, long OnReplica, long OnPrimary)
{
    public double ReplicaShare => Pairs == 0 ? 0 : (double)OnReplica / Pairs;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Pairs} pairs: {Stale} stale reads, {OnReplica} reads on the replica ({ReplicaShare:P1}), {OnPrimary} on the primary");
}
