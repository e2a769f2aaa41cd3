using Ashlar.Errors;
using Ashlar.Queries;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class TypedWriteBuilderTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Organization Org, User User)> SeedAsync(string name)
    {
        var org = await db.Domain.Create<Organization>().Set(o => o.Name, name).ExecuteAsync(Ct);
        var user = await db.Domain.CreateAsync<User>(new { email = $"{name}@example.test", name, organization_id = org.Id }, cancellationToken: Ct);
        return (org, user);
    }

    [Fact]
    public async Task A_create_built_from_typed_values_stores_them_through_the_named_action()
    {
        var (org, user) = await SeedAsync("builder1");

        var ticket = await db.Domain.Create<Ticket>(TicketActions.Open).Tenant(org.Tenant)
            .Set(t => t.Subject, "Built open")
            .Set(t => t.Labels, ["a", "b"])
            .Set(t => t.OrganizationId, org.Id)
            .Set(t => t.ReporterId, user.Id)
            .ExecuteAsync(Ct);

        var read = await db.Domain.GetAsync<Ticket>(ticket.Id, tenant: org.Tenant, cancellationToken: Ct);
        Assert.Equal(("Built open", (short)3, TicketStatus.Open, user.Id), (read.Subject, read.Priority, read.Status, read.ReporterId));
        Assert.Equal(["a", "b"], read.Labels!);
    }

    [Fact]
    public async Task A_built_create_gives_the_same_typed_errors_as_anonymous_input_and_writes_nothing()
    {
        var (org, user) = await SeedAsync("builder2");

        var built = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.Create<Ticket>(TicketActions.Open).Tenant(org.Tenant)
            .Set(t => t.Subject, "ab").Set(t => t.Priority, (short)9).Set(t => t.OrganizationId, org.Id).Set(t => t.ReporterId, user.Id)
            .ExecuteAsync(Ct));
        var anonymous = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Ticket>(
            new { subject = "ab", priority = (short)9, organization_id = org.Id, reporter_id = user.Id }, TicketActions.Open, tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal(anonymous.Errors, built.Errors);
        Assert.Equal(["priority", "subject"], built.Errors.Select(e => e.Field).Order());
        Assert.Equal(0, await db.Domain.CountAsync(Query.For<Ticket>().Filter(t => t.Subject == "ab"), tenant: org.Tenant, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_value_the_action_does_not_accept_is_refused_by_name()
    {
        var (org, user) = await SeedAsync("builder3");

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.Create<Ticket>(TicketActions.Open).Tenant(org.Tenant)
            .Set(t => t.Subject, "Sneaky").Set(t => t.AssigneeId, user.Id).Set(t => t.OrganizationId, org.Id).Set(t => t.ReporterId, user.Id)
            .ExecuteAsync(Ct));

        Assert.Contains(error.Errors, e => e is NoSuchInput { Resource: "Ticket", Field: "assignee_id" });
    }

    [Fact]
    public async Task An_update_built_with_an_argument_runs_the_action_with_its_logic()
    {
        var (org, user) = await SeedAsync("builder4");
        var ticket = await db.Domain.Create<Ticket>(TicketActions.Open).Tenant(org.Tenant)
            .Set(t => t.Subject, "To resolve").Set(t => t.OrganizationId, org.Id).Set(t => t.ReporterId, user.Id).ExecuteAsync(Ct);

        var resolved = await db.Domain.Update(ticket, "resolve").Tenant(org.Tenant).Argument("resolution", "rebooted it").ExecuteAsync(Ct);

        Assert.Equal(TicketStatus.Closed, resolved.Status);
        var comments = await db.Domain.ReadAsync(Query.For<Comment>().Filter(c => c.TicketId == ticket.Id), tenant: org.Tenant, cancellationToken: Ct);
        Assert.Equal("rebooted it", Assert.Single(comments).Body);

        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.Update(resolved, "resolve").Tenant(org.Tenant).ExecuteAsync(Ct));
        Assert.Contains(missing.Errors, e => e.Field == "resolution");
    }

    [Fact]
    public async Task An_update_built_with_a_value_writes_it_and_a_stale_record_is_a_typed_error()
    {
        var (org, user) = await SeedAsync("builder5");
        var ticket = await db.Domain.Create<Ticket>(TicketActions.Open).Tenant(org.Tenant)
            .Set(t => t.Subject, "To assign").Set(t => t.OrganizationId, org.Id).Set(t => t.ReporterId, user.Id).ExecuteAsync(Ct);

        var assigned = await db.Domain.Update(ticket, TicketActions.Assign).Tenant(org.Tenant).Set(t => t.AssigneeId, user.Id).ExecuteAsync(Ct);

        Assert.Equal((user.Id, TicketStatus.InProgress), (assigned.AssigneeId, assigned.Status));
        await db.Domain.DestroyAsync(assigned, tenant: org.Tenant, cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.Update(assigned).Tenant(org.Tenant).Set(t => t.Subject, "Too late").ExecuteAsync(Ct));
        Assert.IsType<StaleRecord>(Assert.Single(gone.Errors));
    }

    [Fact]
    public async Task An_unknown_action_is_a_typed_error_listing_the_actions()
    {
        var (org, user) = await SeedAsync("builder6");

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.Create<Ticket>("shut").Tenant(org.Tenant)
            .Set(t => t.Subject, "Nope").Set(t => t.OrganizationId, org.Id).Set(t => t.ReporterId, user.Id).ExecuteAsync(Ct));

        var missing = Assert.IsType<NoSuchAction>(Assert.Single(error.Errors));
        Assert.Contains("open", missing.Available);
    }

    [Fact]
    public void A_value_given_twice_or_a_lambda_that_is_not_a_property_is_refused_when_built()
    {
        var builder = db.Domain.Create<Ticket>().Set(t => t.Subject, "Once");

        Assert.Throws<ArgumentException>(() => builder.Set(t => t.Subject, "Twice"));
        Assert.Throws<ArgumentException>(() => builder.Set(t => t.Organization!.Name, "Nested"));
        Assert.Throws<ArgumentException>(() => builder.Argument("subject", "Again"));
    }
}
