using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Tenants.Saas;

/// <summary>The next version of <see cref="Note"/>: the same table with a <c>pinned</c> column.</summary>
public sealed class PinnedNote : IResource<PinnedNote>
{
    public Guid Id { get; set; }

    public string Body { get; set; } = "";

    public bool Pinned { get; set; }

    public Guid FolderId { get; set; }

    public Guid WorkspaceId { get; set; }

    public Folder? Folder { get; set; }

    public Workspace? Workspace { get; set; }

    public static void Define(ResourceBuilder<PinnedNote> r)
    {
        r.UuidV7PrimaryKey(n => n.Id);
        r.Attribute(n => n.Body);
        r.Attribute(n => n.Pinned, a => a.Default(false));
        r.BelongsTo(n => n.Folder);
        r.BelongsTo(n => n.Workspace);
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("notes").Repo<SaasRepo>().Reference(n => n.Folder, f => f.Index()));
    }
}
