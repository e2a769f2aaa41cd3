using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Replicas.Model;

/// <summary>In the primary's database but always read from the primary (no read repo): only loadable from a <see cref="Ledger"/>.</summary>
public sealed class AuditLine : IResource<AuditLine>
{
    public long Id { get; set; }

    public string Text { get; set; } = "";

    public long LedgerId { get; set; }

    public static void Define(ResourceBuilder<AuditLine> r)
    {
        r.IntegerPrimaryKey(a => a.Id);
        r.Attribute(a => a.Text);
        r.Attribute(a => a.LedgerId);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("audit_lines").Repo<PrimaryRepo>());
    }
}
