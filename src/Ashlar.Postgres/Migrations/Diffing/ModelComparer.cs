using System.Text.RegularExpressions;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>
/// Decides whether two schema objects are the same. <see cref="Exact"/> compares text as written (declarations vs
/// snapshots); <see cref="Normalizing"/> tolerates what PostgreSQL's canonical forms add (casts, parentheses, case,
/// type aliases), for comparing with the live catalog.
/// </summary>
internal sealed partial class ModelComparer
{
    private readonly bool _normalize;

    private ModelComparer(bool normalize)
    {
        _normalize = normalize;
    }

    public static ModelComparer Exact { get; } = new(false);

    public static ModelComparer Normalizing { get; } = new(true);

    public bool SameSql(string? a, string? b) =>
        a is null || b is null ? a is null && b is null : !_normalize ? a == b : NormalizeSql(a) == NormalizeSql(b);

    public bool SameType(string a, string b) => !_normalize ? a == b : TypeNames.Normalize(a) == TypeNames.Normalize(b);

    public bool SameIndex(IndexModel a, IndexModel b) =>
        a.Name == b.Name && a.Unique == b.Unique && SameSql(a.Where, b.Where) && (a.Using ?? "btree") == (b.Using ?? "btree")
        && a.Include.SequenceEqual(b.Include) && a.NullsDistinct == b.NullsDistinct && a.Fields.Count == b.Fields.Count
        && a.Fields.Zip(b.Fields).All(p => p.First.Descending == p.Second.Descending && SameKey(p.First, p.Second));

    public static bool SameForeignKeyIgnoringDeferrable(ForeignKeyModel a, ForeignKeyModel b) =>
        a.Name == b.Name && a.Columns.SequenceEqual(b.Columns) && a.ReferencedSchema == b.ReferencedSchema
        && a.ReferencedTable == b.ReferencedTable && a.ReferencedColumns.SequenceEqual(b.ReferencedColumns)
        && a.OnDelete == b.OnDelete && a.NilifyColumns.SequenceEqual(b.NilifyColumns) && a.OnUpdate == b.OnUpdate
        && a.MatchType == b.MatchType;

    public static string NormalizeSql(string sql)
    {
        var text = Casts().Replace(sql.ToLowerInvariant(), "");
        return new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '(' and not ')' and not '\'' and not '"').ToArray());
    }

    private bool SameKey(IndexKeyModel a, IndexKeyModel b)
    {
        if (a.Column is not null && b.Column is not null)
        {
            return a.Column == b.Column;
        }

        return _normalize
            ? NormalizeSql(a.Column ?? a.Sql ?? "") == NormalizeSql(b.Column ?? b.Sql ?? "")
            : a.Column == b.Column && a.Sql == b.Sql;
    }

    [GeneratedRegex(@"::(?:""?[a-z_][a-z0-9_]*""?\.)?(?:timestamp(?: with(?:out)? time zone)?|time(?: with(?:out)? time zone)?|character varying|double precision|""?[a-z_][a-z0-9_]*""?)(?:\(\d+(?:,\d+)?\))?(?:\[\])?")]
    private static partial Regex Casts();
}
