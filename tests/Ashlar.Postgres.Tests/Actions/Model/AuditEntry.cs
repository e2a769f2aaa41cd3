using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Actions.Model;

public sealed class AuditEntry : IResource<AuditEntry>
{
    public long Id { get; set; }

    public string Message { get; set; } = "";

    public static void Define(ResourceBuilder<AuditEntry> r)
    {
        r.IntegerPrimaryKey(e => e.Id);
        r.Attribute(e => e.Message);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("audit_entries").Repo<ActionsRepo>());
    }
}
