namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>A ledger replica that applies each commit 1 second late.</summary>
public sealed class DelayedLedgerReplicaFixture : LedgerReplicaFixture
{
    protected override TimeSpan InitialApplyDelay => TimeSpan.FromSeconds(1);
}
