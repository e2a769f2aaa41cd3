using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Multitenancy;

/// <summary>
/// Tenant column: acme and globex share the tables; globex's step 4 and label link point at acme's job 1 on purpose,
/// and no read from globex follows them.
/// </summary>
public sealed class AttributeIsolationTests(TenancyFixture db) : IClassFixture<TenancyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filter_sort_count_and_exists_see_only_the_tenants_rows()
    {
        var all = Query.For<Job>().Sort(j => j.Priority);
        Assert.Equal(["acme deploy", "acme build"], (await db.Domain.ReadAsync(all, "acme", Ct)).Select(j => j.Title));
        Assert.Equal(["globex build", "globex audit"], (await db.Domain.ReadAsync(all, "globex", Ct)).Select(j => j.Title));
        Assert.Equal(2, await db.Domain.CountAsync(Query.For<Job>(), "globex", Ct));
        Assert.False(await db.Domain.ExistsAsync(Query.For<Job>().Filter(j => j.Id == 1), "globex", Ct));
        Assert.Null(await db.Domain.FindAsync<Job>(1L, "globex", Ct));
        var sql = db.Domain.ToSql(all, "globex");
        Assert.Contains("FROM (SELECT * FROM \"public\".\"jobs\" WHERE \"org_key\" = current_setting('ashlar.tenant')::text) AS \"t0\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("globex", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relationship_conditions_aggregates_and_loads_never_follow_a_link_into_another_tenant()
    {
        // Step 4 (globex) points at acme's job 1: from globex it is an orphan.
        var steps = await db.Domain.ReadAsync(Query.For<Step>().Sort(s => s.Id).Load(s => s.Job), "globex", Ct);
        Assert.Equal([3L, 4], steps.Select(s => s.Id));
        Assert.Equal("globex build", steps[0].Job!.Title);
        Assert.Null(steps[1].Job);
        Assert.Empty(await db.Domain.ReadAsync(Query.For<Step>().Filter(s => s.Job!.Title.StartsWith("acme")), "globex", Ct));

        var jobs = await db.Domain.ReadAsync(
            Query.For<Job>().Sort(j => j.Id).Load(j => j.Steps).Load(j => j.FirstStep).Load(j => j.Labels).LoadAggregate(j => j.StepCount), "acme", Ct);
        Assert.Equal([1L, 2], jobs[0].Steps!.Select(s => s.Id));
        Assert.Equal(1L, jobs[0].FirstStep!.Id);
        Assert.Equal(["acme-label"], jobs[0].Labels!.Select(l => l.Name));
        Assert.Equal(2, jobs[0].StepCount);
        Assert.Empty(jobs[1].Steps!);

        Assert.Empty(await db.Domain.ReadAsync(Query.For<Job>().Filter(j => j.Labels!.Any(l => l.Name == "globex-label")), "acme", Ct));
        Assert.Equal(1, await db.Domain.AggregateAsync(Query.For<Job>().Filter(j => j.Steps!.Any()), a => a.Count(), tenant: "globex", cancellationToken: Ct));
        var page = await db.Domain.PageAsync(Query.For<Job>().Sort(j => j.Title), 1, count: true, tenant: "globex", cancellationToken: Ct);
        Assert.Equal(["globex audit"], page.Records.Select(j => j.Title));
        Assert.Equal(2, page.Count);
        var next = await db.Domain.PageAsync(Query.For<Job>().Sort(j => j.Title), 1, page.NextCursor, tenant: "globex", cancellationToken: Ct);
        Assert.Equal(["globex build"], next.Records.Select(j => j.Title));
        var locked = await db.Domain.TransactionAsync(ct => db.Domain.ReadAsync(Query.For<Job>().Lock(), "globex", ct), Ct);
        Assert.Equal(2, locked.Count);
    }

    [Fact]
    public async Task Create_sets_the_tenant_column_and_updates_cannot_move_or_reach_across()
    {
        var job = await db.Domain.CreateAsync<Job>(new { title = "acme new", priority = 9 }, tenant: "acme", cancellationToken: Ct);
        Assert.Equal("acme", job.OrgKey);
        var other = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Job>(new { title = "sneaky", org_key = "globex" }, tenant: "acme", cancellationToken: Ct));
        Assert.True(other.Has<InvalidTenant>(e => e.Field == "org_key"));
        var move = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(job, new { org_key = "globex" }, tenant: "acme", cancellationToken: Ct));
        Assert.True(move.Has<InvalidTenant>());

        var stale = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(job, new { title = "hijacked" }, tenant: "globex", cancellationToken: Ct));
        Assert.True(stale.Has<StaleRecord>());
        await Assert.ThrowsAsync<InvalidException>(() => db.Domain.DestroyAsync(job, tenant: "globex", cancellationToken: Ct));
        Assert.Equal("acme new", (await db.Domain.GetAsync<Job>(job.Id, "acme", Ct)).Title);
        await db.Domain.DestroyAsync(job, tenant: "acme", cancellationToken: Ct);
        Assert.Null(await db.Domain.FindAsync<Job>(job.Id, "acme", Ct));
    }

    [Fact]
    public async Task A_global_resource_reads_every_tenant_without_one_and_its_own_with_one()
    {
        Assert.Equal(["acme-label", "globex-label"], (await db.Domain.ReadAsync(Query.For<Label>().Sort(l => l.Id), cancellationToken: Ct)).Select(l => l.Name));
        Assert.Equal(["globex-label"], (await db.Domain.ReadAsync(Query.For<Label>(), "globex", Ct)).Select(l => l.Name));
    }
}
