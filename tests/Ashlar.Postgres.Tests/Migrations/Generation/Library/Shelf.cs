using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Library;

/// <summary>A table whose migrations are managed elsewhere (migrate false).</summary>
public sealed class Shelf : IResource<Shelf>
{
    public long Id { get; set; }

    public static void Define(ResourceBuilder<Shelf> r)
    {
        r.IntegerPrimaryKey(s => s.Id);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("shelves").Schema("library").Repo<LibraryRepo>().Migrate(false));
    }
}
