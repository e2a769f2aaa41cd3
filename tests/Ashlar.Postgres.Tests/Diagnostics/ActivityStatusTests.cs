using System.Collections.Concurrent;
using System.Diagnostics;
using Ashlar.Diagnostics;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.DataLayer;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Diagnostics;

/// <summary>An action that fails marks its <c>Ashlar</c> activity as an error, the way OpenTelemetry reads it.</summary>
public sealed class ActivityStatusTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_create_refused_by_a_unique_identity_is_an_error_with_the_exception_and_a_successful_one_is_not()
    {
        var name = $"traced {Guid.NewGuid():N}";
        var (created, createdParent) = await TracedAsync(() => db.Domain.CreateAsync<Tag>(new { name }, cancellationToken: Ct));
        var (refused, refusedParent) = await TracedAsync(() => Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Tag>(new { name }, cancellationToken: Ct)));

        var ok = Assert.Single(created);
        Assert.Equal(("Tag.create", createdParent), (ok.DisplayName, ok.ParentSpanId));
        Assert.Equal(ActivityStatusCode.Unset, ok.Status);
        Assert.Null(ok.GetTagItem("error.type"));
        Assert.Empty(ok.Events);

        var failed = Assert.Single(refused);
        Assert.Equal(("Tag.create", refusedParent), (failed.DisplayName, failed.ParentSpanId));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Contains("already", failed.StatusDescription, StringComparison.Ordinal);
        Assert.Equal(typeof(InvalidException).FullName, failed.GetTagItem("error.type"));
        var exception = Assert.Single(failed.Events);
        Assert.Equal("exception", exception.Name);
        var tags = exception.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(typeof(InvalidException).FullName, tags["exception.type"]);
        Assert.Equal(failed.StatusDescription, tags["exception.message"]);
        Assert.Contains(nameof(Domains.Domain.CreateAsync), (string?)tags["exception.stacktrace"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_that_finds_nothing_is_not_an_error()
    {
        var (found, _) = await TracedAsync(() => db.Domain.FindAsync<Tag>(Guid.NewGuid(), cancellationToken: Ct));

        Assert.Equal(ActivityStatusCode.Unset, Assert.Single(found).Status);
    }

    /// <summary>
    /// Runs <paramref name="action"/> under a parent activity of its own and returns the <c>Ashlar</c> activities that
    /// ended under it (other tests run in parallel: their activities have other parents).
    /// </summary>
    private static async Task<(List<Activity> Stopped, ActivitySpanId Parent)> TracedAsync<TResult>(Func<Task<TResult>> action)
    {
        using var test = new ActivitySource("Ashlar.Postgres.Tests.ActivityStatus");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is AshlarActivitySource.Name || source == test,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        ActivitySpanId parentId;
        using (var parent = test.StartActivity("test")!)
        {
            parentId = parent.SpanId;
            await action();
        }

        return (stopped.Where(a => a.Source.Name == AshlarActivitySource.Name && a.ParentSpanId == parentId).ToList(), parentId);
    }
}
