using Ashlar.Errors;
using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Multitenancy;

public sealed class TenantRequiredTests(TenancyFixture db) : IClassFixture<TenancyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_resource_without_a_tenant_is_refused_before_sql()
    {
        foreach (var read in new Func<Task>[]
                 {
                     () => db.Domain.ReadAsync(Query.For<Ticket>(), cancellationToken: Ct),
                     () => db.Domain.ReadAsync(Query.For<Job>(), cancellationToken: Ct),
                     () => db.Domain.CountAsync(Query.For<Note>(), cancellationToken: Ct),
                     () => db.Domain.CreateAsync<Tag>(new { id = 9, name = "x" }, cancellationToken: Ct),
                     () => db.Domain.CreateAsync<Job>(new { title = "x", org_key = "acme" }, cancellationToken: Ct),
                 })
        {
            var e = await Assert.ThrowsAsync<InvalidException>(read);
            Assert.True(e.Has<TenantRequired>(), e.Message);
        }
    }

    [Fact]
    public async Task A_shared_resources_relationship_to_a_tenant_resource_needs_a_tenant()
    {
        Assert.Equal(["Acme Inc", "Globex Corp"], (await db.Domain.ReadAsync(Query.For<Org>().Sort(o => o.Id), cancellationToken: Ct)).Select(o => o.Name));

        var load = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Org>().Load(o => o.Tickets), cancellationToken: Ct));
        Assert.True(load.Has<TenantRequired>(e => e.Resource == "Ticket"));
        var filter = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Org>().Filter(o => o.Tickets!.Any()), cancellationToken: Ct));
        Assert.True(filter.Has<TenantRequired>(e => e.Resource == "Ticket"));

        var orgs = await db.Domain.ReadAsync(Query.For<Org>().Sort(o => o.Id).Load(o => o.Tickets, q => q.Sort(t => t.Id)), "globex", Ct);
        Assert.Empty(orgs[0].Tickets!);
        Assert.Equal(["globex server", "globex badge"], orgs[1].Tickets!.Select(t => t.Title));
    }

    [Fact]
    public async Task A_bad_tenant_name_is_invalid_tenant()
    {
        foreach (var name in new[] { "", "a b", "acme\0", "pg_catalog", "public", new string('a', 64), "x\"; DROP TABLE orgs; --" })
        {
            var e = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Ticket>(), name, Ct));
            Assert.True(e.Has<InvalidTenant>(), name);
        }

        Assert.Equal(2, await db.Domain.CountAsync(Query.For<Org>(), cancellationToken: Ct));
    }
}
