using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Cli.Tests.Tenants;

/// <summary>The next version of <see cref="Visit"/>: the same table with a <c>notes</c> column.</summary>
public sealed class NotedVisit : IResource<NotedVisit>
{
    public Guid Id { get; set; }

    public string Reason { get; set; } = "";

    public string? Notes { get; set; }

    public static void Define(ResourceBuilder<NotedVisit> r)
    {
        r.UuidPrimaryKey(v => v.Id);
        r.Attribute(v => v.Reason);
        r.Attribute(v => v.Notes);
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("visits").Repo<ClinicRepo>());
    }
}
