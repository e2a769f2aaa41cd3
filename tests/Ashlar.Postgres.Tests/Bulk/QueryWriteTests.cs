using Ashlar.Bulk;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.DataLayer;
using Ashlar.Queries;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk;

public sealed class QueryWriteTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Organization Org, User User)> SeedAsync(string name, int tickets)
    {
        var org = await db.Domain.CreateAsync<Organization>(new { name }, cancellationToken: Ct);
        var user = await db.Domain.CreateAsync<User>(new { email = $"{name}@example.test", name, organization_id = org.Id }, cancellationToken: Ct);
        var result = await db.Domain.BulkCreateAsync<Ticket>(
            Enumerable.Range(0, tickets).Select(i => (object?)new { subject = $"{name} {i}", priority = (short)(i % 5 + 1), organization_id = org.Id, reporter_id = user.Id }),
            new BulkCreateOptions { Tenant = org.Tenant }, Ct);
        result.ThrowIfFailed();
        return (org, user);
    }

    [Fact]
    public async Task Update_all_through_a_relationship_filter_changes_only_the_selected_rows()
    {
        var (org, _) = await SeedAsync("qwupdate", 20);
        var (other, _) = await SeedAsync("qwother", 5);
        var name = "qwupdate";

        var changed = await db.Domain.UpdateAllAsync(Query.For<Ticket>().Filter(t => t.Organization!.Name == name && t.Priority >= 4), new { }, action: "close", tenant: org.Tenant, cancellationToken: Ct);
        var returned = await db.Domain.UpdateAllReturningAsync(Query.For<Ticket>().Filter(t => t.Organization!.Name == name && t.Priority == 1), new { priority = (short)2 }, tenant: org.Tenant, cancellationToken: Ct);

        Assert.Equal(8, changed);
        Assert.Equal(4, returned.Count);
        Assert.All(returned, t => Assert.Equal((short)2, t.Priority));
        Assert.All(returned, t => Assert.True(t.UpdatedAt > t.InsertedAt));
        Assert.Equal(8, await db.Domain.CountAsync(Query.For<Ticket>().Filter(t => t.OrganizationId == org.Id && t.Status == TicketStatus.Closed), tenant: org.Tenant, cancellationToken: Ct));
        Assert.Equal(0, await db.Domain.CountAsync(Query.For<Ticket>().Filter(t => t.Organization!.Name == "qwother" && t.Status == TicketStatus.Closed), tenant: other.Tenant, cancellationToken: Ct));
    }

    [Fact]
    public async Task Update_all_validates_its_input_and_translates_database_refusals()
    {
        var (org, _) = await SeedAsync("qwinvalid", 3);

        var invalid = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAllAsync(Query.For<Ticket>().Filter(t => t.Organization!.Name == "qwinvalid"), new { priority = (short)9 }, tenant: org.Tenant, cancellationToken: Ct));
        var refused = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAllAsync(Query.For<Ticket>().Filter(t => t.Organization!.Name == "qwinvalid"), new { assignee_id = Guid.NewGuid() }, action: "assign", tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal("priority", Assert.IsType<InvalidAttribute>(Assert.Single(invalid.Errors)).Field);
        Assert.Equal("assignee_id", Assert.IsType<InvalidAttribute>(Assert.Single(refused.Errors)).Field);
    }

    [Fact]
    public async Task Destroy_all_through_a_relationship_filter_deletes_in_one_statement_and_honours_transactions()
    {
        var (org, _) = await SeedAsync("qwdestroy", 10);
        var name = "qwdestroy";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Domain.TransactionAsync(async ct =>
        {
            Assert.Equal(10, await db.Domain.DestroyAllAsync(Query.For<Ticket>().Filter(t => t.Organization!.Name == name), tenant: org.Tenant, cancellationToken: ct));
            throw new InvalidOperationException("roll back");
        }, Ct));
        Assert.Equal(10, await db.Domain.CountAsync(Query.For<Ticket>().Filter(t => t.OrganizationId == org.Id), tenant: org.Tenant, cancellationToken: Ct));

        var destroyed = await db.Domain.DestroyAllAsync(Query.For<Ticket>().Filter(t => t.Organization!.Name == name && t.Priority <= 2), tenant: org.Tenant, cancellationToken: Ct);

        Assert.Equal(4, destroyed);
        Assert.Equal(6, await db.Domain.CountAsync(Query.For<Ticket>().Filter(t => t.OrganizationId == org.Id), tenant: org.Tenant, cancellationToken: Ct));
    }
}
