using Ashlar.Expressions;
using Ashlar.Postgres.Tests.Queries.Blog;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class OperatorTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    [Fact]
    public async Task Comparisons_become_parameterised_operators()
    {
        await Filters(db.Domain, p => p.Score > 5, "(\"t0\".\"score\" > $1)", 1, 3, 5);
        await Filters(db.Domain, p => p.Score == 7, "(\"t0\".\"score\" = $1)", 3, 5);
        await Filters(db.Domain, p => p.Score != 7, "(\"t0\".\"score\" <> $1)", 1, 2, 4, 6);
        await Filters(db.Domain, p => p.Score < 5, "(\"t0\".\"score\" < $1)", 4, 6);
        await Filters(db.Domain, p => p.Score <= 3, "(\"t0\".\"score\" <= $1)", 4, 6);
        await Filters(db.Domain, p => p.Score >= 7, "(\"t0\".\"score\" >= $1)", 1, 3, 5);
    }

    [Fact]
    public async Task In_is_null_and_boolean_logic()
    {
        long[] wanted = [2, 4, 99];
        await Filters(db.Domain, p => wanted.Contains(p.Id), "(\"t0\".\"id\" = ANY($1))", 2, 4);
        decimal?[] ratings = [4.5m, null];
        await Filters(db.Domain, p => ratings.Contains(p.Rating), "((\"t0\".\"rating\" = ANY($1)) OR (\"t0\".\"rating\" IS NULL))", 1, 2, 5);
        await Filters(db.Domain, p => p.Rating == null, "(\"t0\".\"rating\" IS NULL)", 2, 5);
        await Filters(db.Domain, p => p.Rating != null, "(NOT (\"t0\".\"rating\" IS NULL))", 1, 3, 4, 6);
        await Filters(db.Domain, p => p.Score > 5 && (p.Rating == null || !(p.Score == 10)),
            "((\"t0\".\"score\" > $1) AND ((\"t0\".\"rating\" IS NULL) OR (NOT (\"t0\".\"score\" = $2))))", 3, 5);
        await Filters(db.Domain, p => Fn.IsDistinctFrom(p.Rating, 3.0m), "(\"t0\".\"rating\" IS DISTINCT FROM $1)", 1, 2, 4, 5, 6);
        await Filters(db.Domain, p => Fn.IsNotDistinctFrom(p.Rating, null), "(\"t0\".\"rating\" IS NOT DISTINCT FROM $1)", 2, 5);
    }

    [Fact]
    public async Task A_large_in_list_is_one_array_parameter()
    {
        var ids = Enumerable.Range(1, 200_000).Select(i => (long)i).ToArray();

        await Filters(db.Domain, p => ids.Contains(p.Id), "(\"t0\".\"id\" = ANY($1))", 1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public async Task Arithmetic_and_numeric_casts()
    {
        await Filters(db.Domain, p => p.Score * 2 + 1 > 15, "(((\"t0\".\"score\" * $1) + $2) > $3)", 1);
        await Filters(db.Domain, p => p.Score % 2 == 1, "((\"t0\".\"score\" % $1) = $2)", 2, 3, 4, 5, 6);
        await Filters(db.Domain, p => p.Score / 2 == 3, "((\"t0\".\"score\" / $1) = $2)", 3, 5);
        await Filters(db.Domain, p => p.Score - 1 == 4, "((\"t0\".\"score\" - $1) = $2)", 2);
        await Filters(db.Domain, p => -p.Score < -8, "((- \"t0\".\"score\") < $1)", 1);
        await Filters(db.Domain, p => (double)p.Score / 4 > 2.4, "((CAST(\"t0\".\"score\" AS double precision) / $1) > $2)", 1);
        await Filters(db.Domain, p => Fn.Cast<string>(p.Score) == "10", "(CAST(\"t0\".\"score\" AS text) = $1)", 1);
    }

    [Fact]
    public async Task Conditionals_and_coalesce()
    {
        await Filters(db.Domain, p => (p.Rating == null ? 0m : p.Rating.Value) > 2,
            "(CASE WHEN (\"t0\".\"rating\" IS NULL) THEN $1 ELSE \"t0\".\"rating\" END > $2)", 1, 3);
        await Filters(db.Domain, p => (p.Rating ?? 0m) >= 3, "(COALESCE(\"t0\".\"rating\", $1) >= $2)", 1, 3);
        await Filters(db.Domain, p => (p.Author!.Nickname ?? p.Author.Name) == "Bob",
            "(COALESCE(\"t1\".\"nickname\", \"t1\".\"name\") = $1)", 3, 4);
    }

    [Fact]
    public async Task Arrays_and_json_paths()
    {
        string[] wanted = ["sale", "outro"];
        await Filters(db.Domain, p => p.Tags!.Contains("greeting"), "($1 = ANY(\"t0\".\"tags\"))", 1, 5);
        await Filters(db.Domain, p => p.Tags!.Length == 2, "(cardinality(\"t0\".\"tags\") = $1)", 1, 5);
        await Filters(db.Domain, p => Fn.Overlaps(p.Tags, wanted), "(\"t0\".\"tags\" && $1)", 2, 5);
        await Filters(db.Domain, p => Fn.JsonGet<string>(p.Metadata, "lang") == "en", "((\"t0\".\"metadata\" #>> $1) = $2)", 1, 4);
        await Filters(db.Domain, p => Fn.JsonGet<int>(p.Metadata, "stats", "views") > 10, "(((\"t0\".\"metadata\" #>> $1)::integer) > $2)", 1);
    }

    [Fact]
    public async Task Json_path_keys_are_parameters_not_sql()
    {
        await Filters(db.Domain, p => Fn.JsonGet<string>(p.Metadata, "lang') IS NULL OR ('1") == "en", "((\"t0\".\"metadata\" #>> $1) = $2)");
    }

    [Fact]
    public async Task Fragments_take_their_arguments_as_parameters()
    {
        await Filters(db.Domain, p => Fn.Fragment<bool>("lower(?) = ?", p.Title, "zeta"), "(lower(\"t0\".\"title\") = $1)", 6);
        await Filters(db.Domain, p => Fn.Fragment<bool>("? = ? OR '\\?' = '\\?'", p.Title, "x' OR 1=1 --"),
            "(\"t0\".\"title\" = $1 OR '?' = '?')", 1, 2, 3, 4, 5, 6);
        await Filters(db.Domain, p => Fn.Fragment<bool>("? = ?", p.Title, "x' OR 1=1 --"), "(\"t0\".\"title\" = $1)");
    }
}
