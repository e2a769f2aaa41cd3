using Ashlar.Errors;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class ErrorMappingTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Organization Org, User User, Ticket Ticket)> SeedAsync(string name)
    {
        var org = await db.Domain.CreateAsync<Organization>(new { name }, cancellationToken: Ct);
        var user = await db.Domain.CreateAsync<User>(new { email = $"{name}@example.test", name, organization_id = org.Id }, cancellationToken: Ct);
        var ticket = await db.Domain.CreateAsync<Ticket>(new { subject = "Seeded", organization_id = org.Id, reporter_id = user.Id }, tenant: org.Tenant, cancellationToken: Ct);
        return (org, user, ticket);
    }

    private static async Task<AshlarError> RefusedAsync(Func<Task> write)
    {
        var exception = await Assert.ThrowsAsync<InvalidException>(write);
        return Assert.Single(exception.Errors);
    }

    [Fact]
    public async Task Unique_violation_is_has_already_been_taken_on_the_identity_field()
    {
        await SeedAsync("unique1");

        var error = await RefusedAsync(() => db.Domain.CreateAsync<Tag>(new { name = "dup" }, cancellationToken: Ct).ContinueWith(_ => db.Domain.CreateAsync<Tag>(new { name = "dup" }, cancellationToken: Ct), Ct).Unwrap());

        Assert.IsType<InvalidAttribute>(error);
        Assert.Equal(("Tag", "name", "has already been taken"), (error.Resource, error.Field, error.Message));
    }

    [Fact]
    public async Task A_declared_identity_message_replaces_the_default()
    {
        await SeedAsync("unique2");

        var error = await RefusedAsync(() => db.Domain.CreateAsync<Organization>(new { name = "unique2" }, cancellationToken: Ct));

        Assert.Equal(("name", "an organization with this name already exists"), (error.Field, error.Message));
    }

    [Fact]
    public async Task Foreign_key_violation_on_write_is_does_not_exist_on_the_source_field()
    {
        var (org, _, _) = await SeedAsync("fk1");

        var error = await RefusedAsync(() => db.Domain.CreateAsync<Ticket>(new { subject = "Ghost", organization_id = org.Id, reporter_id = Guid.NewGuid() }, tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal(("Ticket", "reporter_id"), (error.Resource, error.Field));
        Assert.StartsWith("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_referenced_row_would_leave_records_behind()
    {
        var (_, user, _) = await SeedAsync("fk2");

        var error = await RefusedAsync(() => db.Domain.DestroyAsync(user, cancellationToken: Ct));

        Assert.Equal("User", error.Resource);
        Assert.StartsWith("would leave records behind", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await db.Domain.FindAsync<User>(user.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task Check_violation_carries_the_declared_message_on_its_field()
    {
        var (org, _, ticket) = await SeedAsync("check1");

        var error = await RefusedAsync(() => db.Domain.UpdateAsync(ticket, new { estimated_hours = -1m }, tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal(("Ticket", "estimated_hours", "must not be negative"), (error.Resource, error.Field, error.Message));
        Assert.Null((await db.Domain.GetAsync<Ticket>(ticket.Id, tenant: org.Tenant, cancellationToken: Ct)).EstimatedHours);
    }

    [Fact]
    public async Task A_value_that_cannot_be_cast_is_refused_before_sql()
    {
        var (org, user, _) = await SeedAsync("cast1");

        var error = await RefusedAsync(() => db.Domain.CreateAsync<Ticket>(new { subject = "Cast", priority = "high", organization_id = org.Id, reporter_id = user.Id }, tenant: org.Tenant, cancellationToken: Ct));

        Assert.Equal(("Ticket", "priority"), (error.Resource, error.Field));
        Assert.IsType<InvalidAttribute>(error);
    }

    [Fact]
    public async Task Cascading_deletes_happen_in_the_database()
    {
        var (org, user, ticket) = await SeedAsync("cascade1");
        await db.Domain.DestroyAsync(ticket, tenant: org.Tenant, cancellationToken: Ct);

        await db.Domain.DestroyAsync(org, cancellationToken: Ct);

        Assert.Null(await db.Domain.FindAsync<User>(user.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task Destroying_an_organization_drops_its_schema_before_its_users_whose_comments_are_in_it()
    {
        // The tenant's comments refer to the organization's users (NO ACTION), which the organization's delete cascades to:
        // deleting the row while the schema still held them would be refused.
        var (org, user, ticket) = await SeedAsync("cascade2");
        await db.Domain.CreateAsync<Comment>(new { body = "Still here", ticket_id = ticket.Id, author_id = user.Id }, tenant: org.Tenant, cancellationToken: Ct);

        await db.Domain.DestroyAsync(org, cancellationToken: Ct);

        Assert.Null(await db.Domain.FindAsync<User>(user.Id, cancellationToken: Ct));
        Assert.Null(await db.Domain.FindAsync<Organization>(org.Id, cancellationToken: Ct));
        await using var command = db.DataSource.CreateCommand($"SELECT count(*) FROM pg_namespace WHERE nspname = '{org.Tenant}'");
        Assert.Equal(0L, await command.ExecuteScalarAsync(Ct));
    }
}
