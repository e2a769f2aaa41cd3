using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Library;

/// <summary>A table in the public schema with a statement that runs only when it is dropped.</summary>
public sealed class Tag : IResource<Tag>
{
    public long Id { get; set; }

    public string Label { get; set; } = "";

    public static void Define(ResourceBuilder<Tag> r)
    {
        r.IntegerPrimaryKey(t => t.Id);
        r.Attribute(t => t.Label);
        r.DefaultActions();
        r.Postgres(pg => pg
            .Table("tags").Repo<LibraryRepo>()
            .Statement("tags_gone", "COMMENT ON SCHEMA library IS 'tags were removed'", "COMMENT ON SCHEMA library IS NULL", onDestroy: true));
    }
}
