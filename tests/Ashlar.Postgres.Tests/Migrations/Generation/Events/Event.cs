using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Events;

/// <summary>A resource keyed by UUID v7, stored in <see cref="EventRepo"/> (PostgreSQL 15+).</summary>
public sealed class Event : IResource<Event>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Event> r)
    {
        r.UuidV7PrimaryKey(e => e.Id);
        r.Attribute(e => e.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("events").Schema("journal").Repo<EventRepo>());
    }
}
