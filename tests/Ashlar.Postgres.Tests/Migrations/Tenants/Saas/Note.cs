using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Tenants.Saas;

/// <summary>A context-tenant resource that belongs to a tenant resource and to a global one.</summary>
public sealed class Note : IResource<Note>
{
    public Guid Id { get; set; }

    public string Body { get; set; } = "";

    public Guid FolderId { get; set; }

    public Guid WorkspaceId { get; set; }

    public Folder? Folder { get; set; }

    public Workspace? Workspace { get; set; }

    public static void Define(ResourceBuilder<Note> r)
    {
        r.UuidV7PrimaryKey(n => n.Id);
        r.Attribute(n => n.Body);
        r.BelongsTo(n => n.Folder);
        r.BelongsTo(n => n.Workspace);
        r.DefaultActions();
        r.Multitenancy(m => m.Context());
        r.Postgres(pg => pg.Table("notes").Repo<SaasRepo>().Reference(n => n.Folder, f => f.Index()));
    }
}
