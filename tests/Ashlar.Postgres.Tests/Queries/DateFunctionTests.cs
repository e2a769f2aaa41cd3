using Ashlar.Expressions;
using Ashlar.Postgres.Tests.Queries.Blog;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class DateFunctionTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    [Fact]
    public async Task Now_ago_and_from_now()
    {
        await Filters(db.Domain, p => p.PublishedAt > Fn.Now(), "(\"t0\".\"published_at\" > now())", 5);
        await Filters(db.Domain, p => p.PublishedAt > Fn.Ago(7, TimeUnit.Day), "(\"t0\".\"published_at\" > (now() - ($1 * interval '1 day')))", 1, 5);
        await Filters(db.Domain, p => p.PublishedAt < Fn.FromNow(2, TimeUnit.Hour), "(\"t0\".\"published_at\" < (now() + ($1 * interval '1 hour')))", 1, 2, 4);
    }

    [Fact]
    public async Task Date_add_truncation_casts_and_today()
    {
        await Filters(db.Domain, p => Fn.DateAdd(p.PublishedAt!.Value, 1, TimeUnit.Month) < Fn.Now(),
            "((\"t0\".\"published_at\" + ($1 * interval '1 month')) < now())", 4);
        await Filters(db.Domain, p => Fn.Truncate(p.PublishedAt!.Value, TimeUnit.Year) <= Fn.Now(),
            "(date_trunc('year', \"t0\".\"published_at\") <= now())", 1, 2, 4, 5);
        await Filters(db.Domain, p => Fn.Cast<DateOnly>(p.PublishedAt) < Fn.Today(), "(CAST(\"t0\".\"published_at\" AS date) < CURRENT_DATE)", 1, 2, 4);
    }
}
