using Ashlar.Errors;
using Ashlar.Queries;
using HelpDesk.Resources;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class CrudTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Organization Org, User User)> SeedAsync(string name)
    {
        var org = await db.Domain.CreateAsync<Organization>(new { name }, cancellationToken: Ct);
        var user = await db.Domain.CreateAsync<User>(new { email = $"{name}@example.test", name, organization_id = org.Id }, cancellationToken: Ct);
        return (org, user);
    }

    [Fact]
    public async Task Create_returns_the_stored_record_with_generated_values()
    {
        var (org, user) = await SeedAsync("create1");

        Assert.Equal(7, org.Id.Version);
        Assert.NotEqual(Guid.Empty, user.Id);
        Assert.Equal(UserRole.Customer, user.Role);
        Assert.True(user.Active);
        Assert.Equal(TimeSpan.Zero, user.InsertedAt.Offset);
        Assert.InRange(user.InsertedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Every_attribute_type_round_trips()
    {
        var (org, user) = await SeedAsync("types1");
        var ticket = await db.Domain.CreateAsync<Ticket>(new
        {
            subject = "Types",
            body = (string?)null,
            organization_id = org.Id,
            reporter_id = user.Id,
            priority = 2,
            estimated_hours = 12.25m,
            due_on = new DateOnly(2027, 2, 3),
            labels = new[] { "a", "b" },
        }, tenant: org.Tenant, cancellationToken: Ct);

        var read = await db.Domain.GetAsync<Ticket>(ticket.Id, tenant: org.Tenant, cancellationToken: Ct);
        Assert.True(read.Id > 0);
        Assert.Null(read.Body);
        Assert.Equal((short)2, read.Priority);
        Assert.Equal(12.25m, read.EstimatedHours);
        Assert.Equal(new DateOnly(2027, 2, 3), read.DueOn);
        Assert.Equal(["a", "b"], read.Labels!);
        Assert.Equal("types ", read.SearchText);
        Assert.Equal(TicketStatus.Open, read.Status);
    }

    [Fact]
    public async Task Json_maps_round_trip_as_jsonb()
    {
        var org = await db.Domain.CreateAsync<Organization>(new { name = "json1", settings = new Dictionary<string, object?> { ["plan"] = "pro", ["seats"] = 5 } }, cancellationToken: Ct);

        var read = await db.Domain.GetAsync<Organization>(org.Id, cancellationToken: Ct);
        Assert.Equal("pro", read.Settings!["plan"]!.ToString());
        Assert.Equal("5", read.Settings["seats"]!.ToString());
        await using var command = db.DataSource.CreateCommand("SELECT settings->>'plan' FROM helpdesk.organizations WHERE name = 'json1'");
        Assert.Equal("pro", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Filters_compare_sort_and_follow_to_one_relationships()
    {
        var (org, user) = await SeedAsync("filter1");
        foreach (var priority in new short[] { 1, 3, 5 })
        {
            await db.Domain.CreateAsync<Ticket>(new { subject = $"Pri{priority}", priority, organization_id = org.Id, reporter_id = user.Id }, tenant: org.Tenant, cancellationToken: Ct);
        }

        var orgName = "filter1";
        var found = await db.Domain.ReadAsync(
            Query.For<Ticket>().Filter(t => t.Organization!.Name == orgName && t.Priority >= 3).Sort(t => t.Priority, descending: true),
            tenant: org.Tenant, cancellationToken: Ct);

        Assert.Equal(["Pri5", "Pri3"], found.Select(t => t.Subject));
        var limited = await db.Domain.ReadAsync(Query.For<Ticket>().Filter(t => t.OrganizationId == org.Id).Sort(t => t.Priority).Offset(1).Limit(1), tenant: org.Tenant, cancellationToken: Ct);
        Assert.Equal("Pri3", Assert.Single(limited).Subject);
    }

    [Fact]
    public async Task Case_insensitive_strings_compare_without_regard_to_case()
    {
        await SeedAsync("CiTest");

        var found = await db.Domain.ReadAsync(Query.For<User>().Filter(u => u.Email == "CITEST@EXAMPLE.TEST"), cancellationToken: Ct);

        Assert.Equal("CiTest", Assert.Single(found).Name);
    }

    [Fact]
    public async Task Update_changes_the_row_and_moves_updated_at()
    {
        var (_, user) = await SeedAsync("update1");

        var updated = await db.Domain.UpdateAsync(user, new { name = "Renamed" }, cancellationToken: Ct);
        var deactivated = await db.Domain.UpdateAsync(updated, null, action: "deactivate", cancellationToken: Ct);

        Assert.Equal("Renamed", deactivated.Name);
        Assert.False(deactivated.Active);
        Assert.True(updated.UpdatedAt > user.UpdatedAt);
        Assert.Equal(user.InsertedAt, deactivated.InsertedAt);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_sends_no_update_and_keeps_updated_at()
    {
        var (_, user) = await SeedAsync("noop1");
        var before = await RowVersionAsync(user.Id);

        // No input, empty input, the current value, and an action whose fixed value the record already holds.
        var inactive = await db.Domain.UpdateAsync(user, new { active = false }, cancellationToken: Ct);
        var afterChange = await RowVersionAsync(user.Id);
        Assert.Same(inactive, await db.Domain.UpdateAsync(inactive, null, cancellationToken: Ct));
        Assert.Same(inactive, await db.Domain.UpdateAsync(inactive, new { }, cancellationToken: Ct));
        Assert.Same(inactive, await db.Domain.UpdateAsync(inactive, new { name = "noop1", email = "noop1@example.test" }, cancellationToken: Ct));
        Assert.Same(inactive, await db.Domain.UpdateAsync(inactive, null, action: "deactivate", cancellationToken: Ct));

        Assert.NotEqual(before, afterChange);
        Assert.Equal(afterChange, await RowVersionAsync(user.Id));
        Assert.Equal(inactive.UpdatedAt, (await db.Domain.GetAsync<User>(user.Id, cancellationToken: Ct)).UpdatedAt);
    }

    [Fact]
    public async Task A_fixed_value_that_differs_from_the_record_is_a_change()
    {
        var (_, user) = await SeedAsync("noop2");
        var before = await RowVersionAsync(user.Id);

        var deactivated = await db.Domain.UpdateAsync(user, null, action: "deactivate", cancellationToken: Ct);

        Assert.False(deactivated.Active);
        Assert.NotEqual(before, await RowVersionAsync(user.Id));
        Assert.False((await db.Domain.GetAsync<User>(user.Id, cancellationToken: Ct)).Active);
    }

    private async Task<string> RowVersionAsync(Guid userId)
    {
        await using var command = db.DataSource.CreateCommand("SELECT xmin::text || ' ' || updated_at::text FROM helpdesk.users WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Update_and_destroy_of_a_row_that_is_gone_raise_stale_record()
    {
        var (_, user) = await SeedAsync("stale1");
        await db.Domain.DestroyAsync(user, cancellationToken: Ct);

        var update = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(user, new { name = "x" }, cancellationToken: Ct));
        var destroy = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.DestroyAsync(user, cancellationToken: Ct));

        Assert.IsType<StaleRecord>(Assert.Single(update.Errors));
        Assert.IsType<StaleRecord>(Assert.Single(destroy.Errors));
        Assert.Null(await db.Domain.FindAsync<User>(user.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_single_key_may_be_given_as_its_value_its_text_or_an_object_naming_it()
    {
        var (_, user) = await SeedAsync("keys1");
        var asJson = System.Text.Json.JsonDocument.Parse($"{{\"id\": \"{user.Id}\"}}").RootElement;
        var asJsonText = System.Text.Json.JsonDocument.Parse($"\"{user.Id}\"").RootElement;
        object[] keys = [user.Id, user.Id.ToString(), new { id = user.Id }, new Dictionary<string, object?> { ["id"] = user.Id }, asJson, asJsonText];
        foreach (var key in keys)
        {
            Assert.Equal(user.Id, (await db.Domain.GetAsync<User>(key, cancellationToken: Ct)).Id);
        }

        var wrongName = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.GetAsync<User>(new { user_id = user.Id }, cancellationToken: Ct));
        Assert.Equal("id", Assert.IsType<InvalidFilterValue>(Assert.Single(wrongName.Errors)).Field);
    }

    [Fact]
    public async Task Get_of_a_missing_key_is_not_found_and_a_malformed_key_is_an_invalid_filter_value()
    {
        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.GetAsync<User>(Guid.NewGuid(), cancellationToken: Ct));
        var malformed = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.GetAsync<User>("abc", cancellationToken: Ct));

        Assert.IsType<NotFound>(Assert.Single(missing.Errors));
        var error = Assert.IsType<InvalidFilterValue>(Assert.Single(malformed.Errors));
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public async Task Composite_primary_keys_work()
    {
        var (org, user) = await SeedAsync("composite1");
        var ticket = await db.Domain.CreateAsync<Ticket>(new { subject = "Tagged", organization_id = org.Id, reporter_id = user.Id }, tenant: org.Tenant, cancellationToken: Ct);
        var tag = await db.Domain.CreateAsync<Tag>(new { name = "composite1" }, cancellationToken: Ct);

        var link = await db.Domain.CreateAsync<TicketTag>(new { ticket_id = ticket.Id, tag_id = tag.Id }, tenant: org.Tenant, cancellationToken: Ct);
        var found = await db.Domain.GetAsync<TicketTag>(new { ticket_id = ticket.Id, tag_id = tag.Id }, tenant: org.Tenant, cancellationToken: Ct);
        await db.Domain.DestroyAsync(found, tenant: org.Tenant, cancellationToken: Ct);

        Assert.Equal((ticket.Id, tag.Id), (link.TicketId, link.TagId));
        Assert.Null(await db.Domain.FindAsync<TicketTag>(new { ticket_id = ticket.Id, tag_id = tag.Id }, tenant: org.Tenant, cancellationToken: Ct));
    }

    [Fact]
    public async Task Sql_injection_through_values_is_inert()
    {
        var name = "x'; DROP TABLE helpdesk.users; --";
        var org = await db.Domain.CreateAsync<Organization>(new { name }, cancellationToken: Ct);

        var found = await db.Domain.ReadAsync(Query.For<Organization>().Filter(o => o.Name == name), cancellationToken: Ct);

        Assert.Equal(org.Id, Assert.Single(found).Id);
        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM helpdesk.users");
        Assert.NotNull(await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Database_errors_never_escape_as_postgres_exceptions()
    {
        var (org, user) = await SeedAsync("errors1");

        var exceptions = new List<Exception>();
        foreach (var attempt in new Func<Task>[]
        {
            () => db.Domain.CreateAsync<Organization>(new { name = "errors1" }, cancellationToken: Ct),
            () => db.Domain.CreateAsync<Ticket>(new { subject = "Ghost", organization_id = org.Id, reporter_id = Guid.NewGuid() }, tenant: org.Tenant, cancellationToken: Ct),
        })
        {
            exceptions.Add(await Assert.ThrowsAnyAsync<Exception>(attempt));
        }

        Assert.All(exceptions, e => Assert.IsType<InvalidException>(e));
        Assert.All(exceptions, e => Assert.IsType<PostgresException>(e.InnerException));
        Assert.NotNull(user);
    }
}
