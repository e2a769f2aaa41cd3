using Ashlar.Bulk;
using Ashlar.Errors;
using Ashlar.Queries;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class TypedWriteTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Organization Org, User User)> SeedAsync(string name)
    {
        var org = await db.Domain.CreateAsync(new Organization { Name = name }, cancellationToken: Ct);
        var user = await db.Domain.CreateAsync<User>(new { email = $"{name}@example.test", name, organization_id = org.Id }, cancellationToken: Ct);
        return (org, user);
    }

    private Task<long> CountAsync(Organization org, string subject) =>
        db.Domain.CountAsync(Query.For<Ticket>().Filter(t => t.Subject == subject), tenant: org.Tenant, cancellationToken: Ct);

    [Fact]
    public async Task A_new_object_is_created_through_a_named_action_and_unset_defaults_apply()
    {
        var (org, user) = await SeedAsync("typed1");

        var ticket = await db.Domain.CreateAsync(
            new Ticket { Subject = "Typed open", Labels = ["x"], OrganizationId = org.Id, ReporterId = user.Id },
            TicketActions.Open, tenant: org.Tenant, cancellationToken: Ct);

        var read = await db.Domain.GetAsync<Ticket>(ticket.Id, tenant: org.Tenant, cancellationToken: Ct);
        Assert.Equal(("Typed open", (short)3, TicketStatus.Open), (read.Subject, read.Priority, read.Status));
        Assert.Equal(["x"], read.Labels!);
        Assert.Equal(user.Id, read.ReporterId);
    }

    [Fact]
    public async Task A_new_object_goes_through_the_same_checks_as_an_anonymous_input()
    {
        var (org, user) = await SeedAsync("typed2");

        var typed = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync(
            new Ticket { Subject = "ab", Priority = 9, OrganizationId = org.Id, ReporterId = user.Id }, TicketActions.Open, tenant: org.Tenant, cancellationToken: Ct));
        var anonymous = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Ticket>(
            new { subject = "ab", priority = (short)9, organization_id = org.Id, reporter_id = user.Id }, TicketActions.Open, tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal(anonymous.Errors, typed.Errors);
        Assert.Equal(["priority", "subject"], typed.Errors.Select(e => e.Field).Order());
        Assert.Equal(0, await CountAsync(org, "ab"));
    }

    [Fact]
    public async Task Bulk_create_reads_record_objects_like_a_single_create()
    {
        var (org, user) = await SeedAsync("typed9");

        var result = await db.Domain.BulkCreateAsync<Ticket>(
            [new Ticket { Subject = "Bulk typed", OrganizationId = org.Id, ReporterId = user.Id }, new Ticket { Subject = "Bulk sneaky", Id = 42, OrganizationId = org.Id, ReporterId = user.Id }],
            new BulkCreateOptions { Tenant = org.Tenant, StopOnError = false, Transaction = BulkTransaction.Batch }, Ct);

        var refused = Assert.Single(result.Errors);
        Assert.Equal(1, refused.Index);
        Assert.Equal("id", Assert.IsType<NoSuchInput>(Assert.Single(refused.Errors)).Field);
        Assert.Equal(1, await CountAsync(org, "Bulk typed"));
    }

    [Fact]
    public async Task A_value_the_action_does_not_accept_set_on_a_new_object_is_refused_by_name()
    {
        var (org, user) = await SeedAsync("typed3");
        var ticket = new Ticket { Subject = "Sneaky", AssigneeId = user.Id, OrganizationId = org.Id, ReporterId = user.Id, Reporter = user };

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync(ticket, TicketActions.Open, tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal(["assignee_id", "reporter"], error.Errors.Select(e => e.Field).Order());
        Assert.All(error.Errors, e => Assert.IsType<NoSuchInput>(e));
        Assert.Contains("it accepts subject, body", error.Errors.Single(e => e.Field == "assignee_id").Message, StringComparison.Ordinal);
        Assert.Contains("set its key reporter_id", error.Errors.Single(e => e.Field == "reporter").Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(org, "Sneaky"));
    }

    [Fact]
    public async Task An_object_passed_where_an_input_is_expected_gives_one_error_with_the_fix()
    {
        var (org, user) = await SeedAsync("typed4");
        var ticket = await db.Domain.CreateAsync(new Ticket { Subject = "Entity input", OrganizationId = org.Id, ReporterId = user.Id }, tenant: org.Tenant, cancellationToken: Ct);
        object edited = new Ticket { Subject = "Edited" };

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(ticket, edited, tenant: org.Tenant, cancellationToken: Ct));

        var single = Assert.IsType<NoSuchInput>(Assert.Single(error.Errors));
        Assert.Contains("UpdateAsync(record, r => r.Subject = ...)", single.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(org, "Entity input"));
    }

    [Fact]
    public async Task A_lambda_update_writes_what_it_changed_and_leaves_the_object_as_read()
    {
        var (org, user) = await SeedAsync("typed5");
        var ticket = await db.Domain.CreateAsync(new Ticket { Subject = "Before", Labels = ["a"], OrganizationId = org.Id, ReporterId = user.Id }, tenant: org.Tenant, cancellationToken: Ct);

        var updated = await db.Domain.UpdateAsync(ticket, t =>
        {
            t.Subject = "After";
            t.Labels![0] = "b";
        }, tenant: org.Tenant, cancellationToken: Ct);
        var assigned = await db.Domain.UpdateAsync(updated, t => t.AssigneeId = user.Id, TicketActions.Assign, tenant: org.Tenant, cancellationToken: Ct);

        Assert.Equal(("Before", "a"), (ticket.Subject, ticket.Labels![0]));
        var read = await db.Domain.GetAsync<Ticket>(ticket.Id, tenant: org.Tenant, cancellationToken: Ct);
        Assert.Equal(("After", "b", user.Id, TicketStatus.InProgress), (read.Subject, read.Labels![0], read.AssigneeId, read.Status));
        Assert.True(assigned.UpdatedAt > ticket.UpdatedAt);
    }

    [Fact]
    public async Task A_lambda_changing_what_the_action_does_not_accept_is_refused_and_nothing_is_written()
    {
        var (org, user) = await SeedAsync("typed6");
        var ticket = await db.Domain.CreateAsync(new Ticket { Subject = "Keep me", OrganizationId = org.Id, ReporterId = user.Id }, tenant: org.Tenant, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(ticket, t =>
        {
            t.AssigneeId = user.Id;
            t.Subject = "Changed";
        }, TicketActions.Assign, tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal("subject", Assert.IsType<NoSuchInput>(Assert.Single(error.Errors)).Field);
        var read = await db.Domain.GetAsync<Ticket>(ticket.Id, tenant: org.Tenant, cancellationToken: Ct);
        Assert.Equal(("Keep me", (Guid?)null), (read.Subject, read.AssigneeId));
    }

    [Fact]
    public async Task Changes_made_to_the_object_and_not_passed_are_refused_loudly()
    {
        var (org, user) = await SeedAsync("typed7");
        var ticket = await db.Domain.CreateAsync(new Ticket { Subject = "As stored", OrganizationId = org.Id, ReporterId = user.Id }, tenant: org.Tenant, cancellationToken: Ct);
        Assert.Same(ticket, await db.Domain.UpdateAsync(ticket, null, tenant: org.Tenant, cancellationToken: Ct));

        ticket.Subject = "Edited in memory";
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(ticket, null, tenant: org.Tenant, cancellationToken: Ct));
        var stillEdited = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(ticket, new { subject = "Edited in memory" }, tenant: org.Tenant, cancellationToken: Ct));

        var unsaved = Assert.IsType<UnsavedChanges>(Assert.Single(error.Errors));
        Assert.Equal(("Ticket", "subject"), (unsaved.Resource, unsaved.Field));
        Assert.Contains("\"As stored\"", unsaved.Message, StringComparison.Ordinal);
        Assert.Contains("r => r.Subject = ...", unsaved.Message, StringComparison.Ordinal);
        Assert.IsType<UnsavedChanges>(Assert.Single(stillEdited.Errors));
        Assert.Equal("As stored", (await db.Domain.GetAsync<Ticket>(ticket.Id, tenant: org.Tenant, cancellationToken: Ct)).Subject);
    }

    [Fact]
    public async Task An_anonymous_object_without_its_resource_type_is_refused_with_the_fix_before_any_sql()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Domain.CreateAsync(new { subject = "no type" }, cancellationToken: Ct));

        Assert.Contains("CreateAsync<Ticket>(new { … })", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_action_is_a_typed_error_listing_the_actions_at_every_entry_point()
    {
        var (org, user) = await SeedAsync("typed8");
        var ticket = await db.Domain.CreateAsync(new Ticket { Subject = "Actions", OrganizationId = org.Id, ReporterId = user.Id }, tenant: org.Tenant, cancellationToken: Ct);
        var query = Query.For<Ticket>().Filter(t => t.Id == ticket.Id);

        var create = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync(ticket, "opne", tenant: org.Tenant, cancellationToken: Ct));
        var createAnonymous = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Ticket>(new { subject = "x" }, "opne", tenant: org.Tenant, cancellationToken: Ct));
        var update = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(ticket, new { subject = "x" }, "shut", tenant: org.Tenant, cancellationToken: Ct));
        var updateTyped = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(ticket, t => t.Subject = "x", "shut", tenant: org.Tenant, cancellationToken: Ct));
        var updateAll = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAllAsync(query, new { subject = "x" }, "shut", tenant: org.Tenant, cancellationToken: Ct));
        var destroy = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.DestroyAsync(ticket, "purge", tenant: org.Tenant, cancellationToken: Ct));
        var read = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(query.Action("mine"), tenant: org.Tenant, cancellationToken: Ct));
        var page = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.PageAsync(query.Action("mine"), 10, tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal(["create", "open"], Missing(create, "opne").Available);
        Assert.Equal(["create", "open"], Missing(createAnonymous, "opne").Available);
        Assert.Equal(["update", "assign", "close", "resolve"], Missing(update, "shut").Available);
        Assert.Equal(["update", "assign", "close", "resolve"], Missing(updateTyped, "shut").Available);
        Assert.Equal(["update", "assign", "close", "resolve"], Missing(updateAll, "shut").Available);
        Assert.Equal(["destroy"], Missing(destroy, "purge").Available);
        Assert.Equal(["read"], Missing(read, "mine").Available);
        Assert.Equal(["read"], Missing(page, "mine").Available);
        Assert.Equal("Ticket: has no create action named 'opne'; its create actions are 'create', 'open'", create.Errors[0].ToString());
        Assert.Equal("Actions", (await db.Domain.GetAsync<Ticket>(ticket.Id, tenant: org.Tenant, cancellationToken: Ct)).Subject);
    }

    private static NoSuchAction Missing(InvalidException error, string action)
    {
        var missing = Assert.IsType<NoSuchAction>(Assert.Single(error.Errors));
        Assert.Equal(("Ticket", action), (missing.Resource, missing.Action));
        return missing;
    }
}
