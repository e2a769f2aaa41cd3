#pragma warning disable CA1862 // the lambdas are translated to SQL, where lower() is the point

using Ashlar.Expressions;
using Ashlar.Postgres.Tests.Queries.Blog;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class StringFunctionTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    [Fact]
    public async Task Contains_escapes_like_wildcards_so_they_match_literally()
    {
        await Filters(db.Domain, p => p.Title.Contains('%'), "(\"t0\".\"title\" LIKE $1)", 2);
        await Filters(db.Domain, p => p.Title.Contains('_'), "(\"t0\".\"title\" LIKE $1)", 3);
        await Filters(db.Domain, p => p.Title.Contains('\\'), "(\"t0\".\"title\" LIKE $1)", 4);
        await Filters(db.Domain, p => p.Title.Contains('o'), "(\"t0\".\"title\" LIKE $1)", 1, 3, 5);
    }

    [Fact]
    public async Task Starts_and_ends_with_and_case_insensitive_matching()
    {
        await Filters(db.Domain, p => p.Title.StartsWith("Hel"), "(\"t0\".\"title\" LIKE $1)", 1);
        await Filters(db.Domain, p => p.Title.StartsWith("100%"), "(\"t0\".\"title\" LIKE $1)", 2);
        await Filters(db.Domain, p => p.Title.EndsWith("bye"), "(\"t0\".\"title\" LIKE $1)", 5);
        await Filters(db.Domain, p => p.Title.Contains("WORLD", StringComparison.OrdinalIgnoreCase), "(\"t0\".\"title\" ILIKE $1)", 1);
        await Filters(db.Domain, p => p.Title.Contains(p.Secret!), "(strpos((\"t0\".\"title\"), (\"t0\".\"secret\")) > 0)");
        await Filters(db.Domain, p => p.Title.EndsWith(p.Title), "(right((\"t0\".\"title\"), length((\"t0\".\"title\"))) = (\"t0\".\"title\"))", 1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public async Task Like_and_ilike_take_patterns()
    {
        await Filters(db.Domain, p => Fn.Like(p.Title, "%o%"), "(\"t0\".\"title\" LIKE $1)", 1, 3, 5);
        await Filters(db.Domain, p => Fn.ILike(p.Title, "h%"), "(\"t0\".\"title\" ILIKE $1)", 1);
    }

    [Fact]
    public async Task Length_case_trim_and_concatenation()
    {
        await Filters(db.Domain, p => p.Title.Length == 4, "(length(\"t0\".\"title\") = $1)", 6);
        await Filters(db.Domain, p => p.Title.ToLower() == "goodbye", "(lower(\"t0\".\"title\") = $1)", 5);
        await Filters(db.Domain, p => p.Title.ToUpper() == "ZETA", "(upper(\"t0\".\"title\") = $1)", 6);
        await Filters(db.Domain, p => p.Title.Trim() == "zeta", "(btrim(\"t0\".\"title\") = $1)", 6);
        await Filters(db.Domain, p => p.Title + "!" == "zeta!", "((\"t0\".\"title\" || $1) = $2)", 6);
        await Filters(db.Domain, p => Fn.Concat(p.Title, "-", p.Title) == "zeta-zeta", "((\"t0\".\"title\" || $1 || \"t0\".\"title\") = $2)", 6);
    }

    [Fact]
    public async Task Case_insensitive_attributes_compare_as_citext()
    {
        await Filters<Author>(db.Domain, a => a.Email == "ada@EXAMPLE.com", "(\"t0\".\"email\" = $1::citext)", a => a.Id, 1);
        await Filters<Author>(db.Domain, a => a.Email.StartsWith("ADA"), "(\"t0\".\"email\" LIKE $1)", a => a.Id, 1);
    }
}
