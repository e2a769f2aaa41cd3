using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;
using static Ashlar.Postgres.Tests.Queries.QueryAssert;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class UnrelatedExistsTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static readonly DomainModel WiderModel = DomainModel.Build("wider", d => d
        .Resource<Author>().Resource<Profile>().Resource<Post>().Resource<Comment>().Resource<Category>().Resource<PostCategory>()
        .Resource<InlinePost>().Resource<UnrelatedNote>().Resource<UnrelatedArchive>());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exists_over_another_resource_is_a_subquery_tied_only_by_its_condition()
    {
        await Filters(db.Domain, p => Fn.Exists<Author>(a => a.Email == "BOB@example.com" && a.Id == p.AuthorId),
            "EXISTS (SELECT 1 FROM \"public\".\"authors\" AS \"t1\" WHERE ((\"t1\".\"email\" = $1::citext) AND (\"t1\".\"id\" = \"t0\".\"author_id\")))", 3, 4);
        await Filters(db.Domain, p => Fn.Exists<Profile>(x => x.Bio == "Builder") && p.Score > 6,
            "(EXISTS (SELECT 1 FROM \"public\".\"profiles\" AS \"t1\" WHERE (\"t1\".\"bio\" = $1)) AND (\"t0\".\"score\" > $2))", 1, 3, 5);
        await Filters(db.Domain, p => !Fn.Exists<Profile>(x => x.Bio == "nobody" || x.AuthorId == p.AuthorId),
            "(NOT EXISTS (SELECT 1 FROM \"public\".\"profiles\" AS \"t1\" WHERE ((\"t1\".\"bio\" = $1) OR (\"t1\".\"author_id\" = \"t0\".\"author_id\"))))", 5, 6);
    }

    [Fact]
    public async Task Both_levels_join_their_own_to_one_paths()
    {
        await Filters(db.Domain, p => Fn.Exists<Comment>(c => c.Author!.Name == "Ada" && c.PostId != p.Id && c.Likes > p.Score),
            "EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t1\" LEFT JOIN \"public\".\"authors\" AS \"t2\" ON \"t2\".\"id\" = \"t1\".\"author_id\" WHERE (((\"t2\".\"name\" = $1) AND (\"t1\".\"post_id\" <> \"t0\".\"id\")) AND (\"t1\".\"likes\" > \"t0\".\"score\")))",
            4, 6);
        await Filters(db.Domain, p => Fn.Exists<Profile>(x => x.AuthorId == p.AuthorId && p.Author!.Nickname != null),
            "EXISTS (SELECT 1 FROM \"public\".\"profiles\" AS \"t2\" WHERE ((\"t2\".\"author_id\" = \"t0\".\"author_id\") AND (NOT (\"t1\".\"nickname\" IS NULL))))", 1, 2);
    }

    [Fact]
    public async Task Inside_a_to_many_condition_the_lambda_parameters_are_the_enclosing_rows()
    {
        await Filters(db.Domain, p => p.Comments!.Any(c => Fn.Exists<Profile>(x => x.AuthorId == c.AuthorId && x.Bio == "Builder")),
            "EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND EXISTS (SELECT 1 FROM \"public\".\"profiles\" AS \"t2\" WHERE ((\"t2\".\"author_id\" = \"t1\".\"author_id\") AND (\"t2\".\"bio\" = $1))))",
            1, 2);
        await Filters(db.Domain, p => p.Comments!.Any(c => Fn.Exists<Author>(a => a.Id == c.AuthorId && a.Id == p.AuthorId)),
            "EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t1\" WHERE \"t1\".\"post_id\" = \"t0\".\"id\" AND EXISTS (SELECT 1 FROM \"public\".\"authors\" AS \"t2\" WHERE ((\"t2\".\"id\" = \"t1\".\"author_id\") AND (\"t2\".\"id\" = \"t0\".\"author_id\"))))",
            1);
    }

    [Fact]
    public async Task The_other_resource_keeps_its_schema_and_a_tenant_leaves_shared_resources_where_they_are()
    {
        await using (var setup = db.DataSource.CreateCommand(
            "CREATE SCHEMA IF NOT EXISTS archive; CREATE TABLE IF NOT EXISTS archive.post_notes (id bigint PRIMARY KEY, post_id bigint NOT NULL, text text NOT NULL); " +
            "INSERT INTO archive.post_notes VALUES (1, 2, 'moved'), (2, 5, 'pinned') ON CONFLICT DO NOTHING"))
        {
            await setup.ExecuteNonQueryAsync(Ct);
        }

        await using var domain = PostgresDomain.Create(WiderModel, pg => pg.Repo<BlogRepo>(db.DataSource).Repo<UnrelatedRepo>(db.DataSource));
        var query = Query.For<Post>().Filter(p => Fn.Exists<UnrelatedNote>(n => n.PostId == p.Id)).Sort(p => p.Id);

        Assert.Equal("FROM \"public\".\"posts\" AS \"t0\" WHERE EXISTS (SELECT 1 FROM \"archive\".\"post_notes\" AS \"t1\" WHERE (\"t1\".\"post_id\" = \"t0\".\"id\")) ORDER BY \"t0\".\"id\" ASC",
            From(domain.ToSql(query)));
        Assert.Equal([2L, 5], (await domain.ReadAsync(query, cancellationToken: Ct)).Select(p => p.Id));
        Assert.Equal(domain.ToSql(query), domain.ToSql(query, tenant: "acme"));
    }

    [Fact]
    public async Task Calculations_and_sorts_can_search_other_resources()
    {
        await using var domain = PostgresDomain.Create(WiderModel, pg => pg.Repo<BlogRepo>(db.DataSource).Repo<UnrelatedRepo>(db.DataSource));
        var query = Query.For<InlinePost>().Sort(p => Fn.Exists<Comment>(c => c.PostId == p.Id), descending: true).Sort(p => p.Id).LoadCalculation(p => p.AuthorHasProfile);

        var sql = domain.ToSql(query);
        Assert.Contains("EXISTS (SELECT 1 FROM \"public\".\"profiles\" AS \"t1\" WHERE (\"t1\".\"author_id\" = \"t0\".\"author_id\")) AS \"author_has_profile\"", sql, StringComparison.Ordinal);
        Assert.EndsWith("ORDER BY EXISTS (SELECT 1 FROM \"public\".\"comments\" AS \"t2\" WHERE (\"t2\".\"post_id\" = \"t0\".\"id\")) DESC, \"t0\".\"id\" ASC", sql, StringComparison.Ordinal);
        var posts = await domain.ReadAsync(query, cancellationToken: Ct);
        Assert.Equal([1L, 2, 3, 4, 5, 6], posts.Select(p => p.Id));
        Assert.Equal([true, true, true, true, false, false], posts.Select(p => p.AuthorHasProfile));
    }

    [Fact]
    public void Cached_statements_keep_resources_and_conditions_apart()
    {
        string[] texts =
        [
            db.Domain.ToSql(Query.For<Post>().Filter(p => Fn.Exists<Author>(a => a.Name == "x"))),
            db.Domain.ToSql(Query.For<Post>().Filter(p => Fn.Exists<Profile>(a => a.Bio == "x"))),
            db.Domain.ToSql(Query.For<Post>().Filter(p => Fn.Exists<Author>(a => a.Nickname == "x"))),
            db.Domain.ToSql(Query.For<Post>().Filter(p => Fn.Exists<Author>(a => a.Name == "x" && a.Id == p.AuthorId))),
        ];
        Assert.Equal(texts.Length, texts.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(texts[0], db.Domain.ToSql(Query.For<Post>().Filter(p => Fn.Exists<Author>(a => a.Name == "y"))));
    }

    [Fact]
    public async Task A_resource_outside_the_domain_or_the_repo_is_an_invalid_reference()
    {
        var outside = Assert.Throws<InvalidException>(() => db.Domain.ToSql(Query.For<Post>().Filter(p => Fn.Exists<UnrelatedArchive>(a => a.Title == p.Title))));
        var reference = Assert.IsType<InvalidFilterReference>(Assert.Single(outside.Errors));
        Assert.Contains("names UnrelatedArchive, which is not a resource of the domain blog; add .Resource<UnrelatedArchive>() to the domain", reference.Message, StringComparison.Ordinal);
        Assert.Equal("Post", reference.Resource);

        await using var domain = PostgresDomain.Create(WiderModel, pg => pg.Repo<BlogRepo>(db.DataSource).Repo<UnrelatedRepo>(db.DataSource));
        var otherRepo = await Assert.ThrowsAsync<InvalidException>(() =>
            domain.ReadAsync(Query.For<Post>().Filter(p => Fn.Exists<UnrelatedArchive>(a => a.Title == p.Title)), cancellationToken: Ct));
        reference = Assert.IsType<InvalidFilterReference>(Assert.Single(otherRepo.Errors));
        Assert.Contains("searches UnrelatedArchive (repo UnrelatedRepo), but reads Post (repo BlogRepo)", reference.Message, StringComparison.Ordinal);
    }
}
