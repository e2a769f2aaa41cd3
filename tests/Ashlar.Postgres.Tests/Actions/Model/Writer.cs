using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Actions.Model;

public sealed class Writer : IResource<Writer>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Writer> r)
    {
        r.IntegerPrimaryKey(w => w.Id);
        r.Attribute(w => w.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("writers").Repo<ActionsRepo>());
    }
}
