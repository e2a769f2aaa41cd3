using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Replicas.Model;

/// <summary>Same repo and read repo as <see cref="Ledger"/>: filters and aggregates through it are one statement.</summary>
public sealed class LedgerEntry : IResource<LedgerEntry>
{
    public long Id { get; set; }

    public int Amount { get; set; }

    public long LedgerId { get; set; }

    public Ledger? Ledger { get; set; }

    public static void Define(ResourceBuilder<LedgerEntry> r)
    {
        r.IntegerPrimaryKey(e => e.Id);
        r.Attribute(e => e.Amount);
        r.BelongsTo(e => e.Ledger);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("ledger_entries").Repo<PrimaryRepo>().ReadRepo<ReplicaRepo>());
    }
}
