using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

public sealed class JobLabel : IResource<JobLabel>
{
    public long JobId { get; set; }

    public long LabelId { get; set; }

    public string OrgKey { get; set; } = "";

    public static void Define(ResourceBuilder<JobLabel> r)
    {
        r.Attribute(j => j.JobId, a => a.PrimaryKey());
        r.Attribute(j => j.LabelId, a => a.PrimaryKey());
        r.Attribute(j => j.OrgKey);
        r.Read("read", a => a.Primary());
        r.Multitenancy(m => m.Attribute(j => j.OrgKey));
        r.Postgres(pg => pg.Table("job_labels").Repo<TenancyRepo>());
    }
}
