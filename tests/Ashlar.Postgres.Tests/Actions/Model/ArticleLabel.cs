using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Actions.Model;

/// <summary>The join resource of <see cref="Article.Labels"/>.</summary>
public sealed class ArticleLabel : IResource<ArticleLabel>
{
    public long ArticleId { get; set; }

    public long LabelId { get; set; }

    public Article? Article { get; set; }

    public Label? Label { get; set; }

    public static void Define(ResourceBuilder<ArticleLabel> r)
    {
        r.Attribute(j => j.ArticleId, a => a.PrimaryKey());
        r.Attribute(j => j.LabelId, a => a.PrimaryKey());
        r.BelongsTo(j => j.Article);
        r.BelongsTo(j => j.Label);
        r.Create("create", a => a.Primary().Accept(j => j.ArticleId, j => j.LabelId));
        r.Read("read", a => a.Primary());
        r.Destroy("destroy", a => a.Primary());
        r.Postgres(pg => pg.Table("article_labels").Repo<ActionsRepo>());
    }
}
