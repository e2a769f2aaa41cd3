using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Replicas.Model;

/// <summary>Written on the primary, read from the replica.</summary>
public sealed class Ledger : IResource<Ledger>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public int Value { get; set; }

    public List<LedgerEntry>? Entries { get; set; }

    public List<AuditLine>? AuditLines { get; set; }

    public int? EntryCount { get; set; }

    public static void Define(ResourceBuilder<Ledger> r)
    {
        r.IntegerPrimaryKey(l => l.Id);
        r.Attribute(l => l.Name);
        r.Attribute(l => l.Value);
        r.HasMany(l => l.Entries);
        r.HasMany(l => l.AuditLines);
        r.Count(l => l.EntryCount, l => l.Entries);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("ledgers").Repo<PrimaryRepo>().ReadRepo<ReplicaRepo>());
    }
}
