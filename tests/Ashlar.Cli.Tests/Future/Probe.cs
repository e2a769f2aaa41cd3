using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Cli.Tests.Future;

/// <summary>A plain resource stored in <see cref="FutureRepo"/>.</summary>
public sealed class Probe : IResource<Probe>
{
    public Guid Id { get; set; }

    public static void Define(ResourceBuilder<Probe> r)
    {
        r.UuidPrimaryKey(p => p.Id);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("probes").Repo<FutureRepo>());
    }
}
