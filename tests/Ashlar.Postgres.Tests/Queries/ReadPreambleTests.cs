using System.Collections.Concurrent;
using System.Diagnostics;
using Ashlar.Actions;
using Ashlar.Diagnostics;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class ReadPreambleTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_public_read_entry_point_starts_one_activity_for_the_read_action()
    {
        using var test = new ActivitySource("Ashlar.Postgres.Tests.ReadPreamble");
        var started = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is AshlarActivitySource.Name || source == test,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = started.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var query = Query.For<Post>().Sort(p => p.Id);
        var reads = new (string Name, Func<Task> Run)[]
        {
            ("read", () => db.Domain.ReadAsync(query, cancellationToken: Ct)),
            ("find", () => db.Domain.FindAsync<Post>(1L, cancellationToken: Ct)),
            ("get", () => db.Domain.GetAsync<Post>(1L, cancellationToken: Ct)),
            ("keyset page", () => db.Domain.PageAsync(query, 2, count: true, cancellationToken: Ct)),
            ("offset page", () => db.Domain.PageAsync(query, 2, offset: 2, cancellationToken: Ct)),
            ("count", () => db.Domain.CountAsync(query, cancellationToken: Ct)),
            ("exists", () => db.Domain.ExistsAsync(query, cancellationToken: Ct)),
            ("aggregate", () => db.Domain.AggregateAsync(query, a => a.Sum(p => p.Score), cancellationToken: Ct)),
            ("aggregate by", () => db.Domain.AggregateByAsync(query, p => p.AuthorId, a => a.Count(), cancellationToken: Ct)),
        };
        var action = $"Post.{db.Domain.Model.Resource<Post>().Action(ActionKind.Read)!.Name}";

        foreach (var (name, run) in reads)
        {
            using var parent = test.StartActivity(name)!;
            await run();
            var children = started.Where(a => a.ParentSpanId == parent.SpanId).Select(a => a.DisplayName).ToList();
            Assert.True(children.SequenceEqual([action]), $"{name} started [{string.Join(", ", children)}]");
        }
    }

    [Fact]
    public async Task A_page_through_an_unknown_read_action_is_refused_like_a_read()
    {
        var unknown = Query.For<Post>().Action("nope");

        var read = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(unknown, cancellationToken: Ct));
        var page = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.PageAsync(unknown, 2, cancellationToken: Ct));
        Assert.Equal(read.Message, page.Message);
        Assert.IsType<NoSuchAction>(Assert.Single(page.Errors));
    }
}
