using Ashlar.Benchmarks.Model;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Benchmarks.Writes;

/// <summary>The upsert workload's row: unique by email.</summary>
public sealed class Member : IResource<Member>
{
    public long Id { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Member> r)
    {
        r.IntegerPrimaryKey(m => m.Id);
        r.Attribute(m => m.Email);
        r.Attribute(m => m.Name);
        r.Identity("unique_email", m => m.Email);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("members").Repo<BenchRepo>());
    }
}
