using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Multitenancy.Model;

/// <summary>One table for every tenant; <c>org_key</c> says whose each row is.</summary>
public sealed class Job : IResource<Job>
{
    public long Id { get; set; }

    public string OrgKey { get; set; } = "";

    public string Title { get; set; } = "";

    public int Priority { get; set; }

    public List<Step>? Steps { get; set; }

    public Step? FirstStep { get; set; }

    public List<Label>? Labels { get; set; }

    public int? StepCount { get; set; }

    public static void Define(ResourceBuilder<Job> r)
    {
        r.IntegerPrimaryKey(j => j.Id);
        r.Attribute(j => j.OrgKey);
        r.Attribute(j => j.Title);
        r.Attribute(j => j.Priority);
        r.HasMany(j => j.Steps);
        r.HasOne(j => j.FirstStep, h => h.DestinationAttribute(s => s.JobId).Filter(s => s.Position == 1));
        r.ManyToMany(j => j.Labels, m => m.Through<JobLabel, long, long>(x => x.JobId, x => x.LabelId));
        r.Count(j => j.StepCount, j => j.Steps);
        r.DefaultActions();
        r.Multitenancy(m => m.Attribute(j => j.OrgKey));
        r.Postgres(pg => pg.Table("jobs").Repo<TenancyRepo>());
    }
}
