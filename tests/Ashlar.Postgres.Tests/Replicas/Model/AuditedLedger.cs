using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Replicas.Model;

/// <summary>Read from the replica but counts rows read from the primary: one statement cannot do both.</summary>
public sealed class AuditedLedger : IResource<AuditedLedger>
{
    public long Id { get; set; }

    public List<AuditLine>? AuditLines { get; set; }

    public int? AuditCount { get; set; }

    public static void Define(ResourceBuilder<AuditedLedger> r)
    {
        r.IntegerPrimaryKey(l => l.Id);
        r.HasMany(l => l.AuditLines, h => h.DestinationAttribute(a => a.LedgerId));
        r.Count(l => l.AuditCount, l => l.AuditLines);
        r.Postgres(pg => pg.Table("audited_ledgers").Repo<PrimaryRepo>().ReadRepo<ReplicaRepo>());
    }
}
