using System.Text.Json;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Security;

/// <summary>A resource with every kind of text a caller can send: text, citext, text[], jsonb (map and element).</summary>
public sealed class Specimen : IResource<Specimen>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string? Nickname { get; set; }

    public string[]? Tags { get; set; }

    public Dictionary<string, object?>? Data { get; set; }

    public JsonElement? Raw { get; set; }

    public int Count { get; set; }

    public static void Define(ResourceBuilder<Specimen> r)
    {
        r.IntegerPrimaryKey(s => s.Id);
        r.Attribute(s => s.Name);
        r.Attribute(s => s.Nickname, a => a.CaseInsensitive());
        r.Attribute(s => s.Tags);
        r.Attribute(s => s.Data);
        r.Attribute(s => s.Raw);
        r.Attribute(s => s.Count, a => a.Default(0));
        r.DefaultActions();
        r.Postgres(pg => pg.Table("specimens").Repo<SpecimenRepo>());
    }
}
