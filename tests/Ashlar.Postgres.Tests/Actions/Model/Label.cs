using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Actions.Model;

/// <summary>The destination of <see cref="Article.Labels"/>, a many-to-many through <see cref="ArticleLabel"/>.</summary>
public sealed class Label : IResource<Label>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Label> r)
    {
        r.IntegerPrimaryKey(l => l.Id);
        r.Attribute(l => l.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("labels").Repo<ActionsRepo>());
    }
}
