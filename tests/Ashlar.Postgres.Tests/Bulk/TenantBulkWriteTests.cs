using Ashlar.Bulk;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Multitenancy;
using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk;

/// <summary>Bulk and query writes on tenant resources are refused with a typed error, and write nothing anywhere.</summary>
public sealed class TenantBulkWriteTests(TenancyFixture db) : IClassFixture<TenancyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bulk_creates_and_upserts_of_tenant_resources_are_refused_with_an_unsupported_feature()
    {
        var context = await Refused(async () => (await db.Domain.BulkCreateAsync<Ticket>([new { id = 50L, title = "bulk", priority = 1, org_id = 1L }], new BulkCreateOptions { Tenant = "acme" }, Ct)).ThrowIfFailed());
        var attribute = await Refused(async () => (await db.Domain.BulkCreateAsync<Job>([new { org_key = "acme", title = "bulk", priority = 1 }], new BulkCreateOptions { Tenant = "acme", ReturnRecords = true }, Ct)).ThrowIfFailed());
        var upsert = await Refused(() => db.Domain.UpsertAsync<Ticket>(new { id = 1L, title = "upsert", priority = 1, org_id = 1L }, new Upsert(), tenant: "acme", cancellationToken: Ct));

        Assert.Equal(("Ticket", "Job", "Ticket"), (context.Resource, attribute.Resource, upsert.Resource));
        Assert.Contains("one at a time", context.Message, StringComparison.Ordinal);
        Assert.Equal(2, await db.Domain.CountAsync(Query.For<Ticket>(), "acme", Ct));
        Assert.Equal(0, await db.Domain.CountAsync(Query.For<Job>().Filter(j => j.Title == "bulk"), "acme", Ct));
        Assert.Equal(0, await db.Domain.CountAsync(Query.For<Ticket>().Filter(t => t.Title == "upsert"), "acme", Ct));
    }

    [Fact]
    public async Task Updates_and_destroys_by_query_of_tenant_resources_are_refused_with_an_unsupported_feature()
    {
        var update = await Refused(() => db.Domain.UpdateAllAsync(Query.For<Job>(), new { title = "changed" }, tenant: "acme", cancellationToken: Ct));
        var destroy = await Refused(() => db.Domain.DestroyAllAsync(Query.For<Ticket>(), tenant: "globex", cancellationToken: Ct));

        Assert.Equal(("Job", "Ticket"), (update.Resource, destroy.Resource));
        Assert.Equal(0, await db.Domain.CountAsync(Query.For<Job>().Filter(j => j.Title == "changed"), "acme", Ct));
        Assert.Equal(2, await db.Domain.CountAsync(Query.For<Ticket>(), "globex", Ct));
    }

    private static async Task<UnsupportedFeature> Refused(Func<Task> write)
    {
        var refused = await Assert.ThrowsAnyAsync<AshlarException>(write);
        return Assert.IsType<UnsupportedFeature>(Assert.Single(refused.Errors));
    }
}
