using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Actions.Model;

public sealed class Remark : IResource<Remark>
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public long? ArticleId { get; set; }

    public Article? Article { get; set; }

    public static void Define(ResourceBuilder<Remark> r)
    {
        r.IntegerPrimaryKey(c => c.Id);
        r.Attribute(c => c.Body, x => x.MinLength(1));
        r.BelongsTo(c => c.Article);
        r.Read("read", a => a.Primary());
        r.Create("create", a => a.Primary().Accept(x => x.Body));
        r.Update("update", a => a.Primary().Accept(x => x.Body));
        r.Destroy("destroy", a => a.Primary());
        r.Postgres(pg => pg.Table("remarks").Repo<ActionsRepo>());
    }
}
