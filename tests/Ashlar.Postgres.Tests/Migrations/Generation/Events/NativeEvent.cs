using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Events;

/// <summary>The same declaration as <see cref="Event"/>, stored in a repo whose minimum is PostgreSQL 18.</summary>
public sealed class NativeEvent : IResource<NativeEvent>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<NativeEvent> r)
    {
        r.UuidV7PrimaryKey(e => e.Id);
        r.Attribute(e => e.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("events").Schema("journal").Repo<NativeEventRepo>());
    }
}
