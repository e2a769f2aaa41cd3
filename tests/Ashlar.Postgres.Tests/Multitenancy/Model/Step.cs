using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

public sealed class Step : IResource<Step>
{
    public long Id { get; set; }

    public string OrgKey { get; set; } = "";

    public int Position { get; set; }

    public long JobId { get; set; }

    public Job? Job { get; set; }

    public static void Define(ResourceBuilder<Step> r)
    {
        r.Attribute(s => s.Id, a => a.PrimaryKey());
        r.Attribute(s => s.OrgKey);
        r.Attribute(s => s.Position);
        r.BelongsTo(s => s.Job, b => b.AllowNil(false));
        r.DefaultActions();
        r.Multitenancy(m => m.Attribute(s => s.OrgKey));
        r.Postgres(pg => pg.Table("steps").Repo<TenancyRepo>());
    }
}
