using Ashlar.Bulk;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.DataLayer;
using Ashlar.Postgres.Tests.DataLayer.Gadgets;
using Ashlar.Queries;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk;

public sealed class UpsertTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Organization> OrgAsync(string name) =>
        await db.Domain.CreateAsync<Organization>(new { name }, cancellationToken: Ct);

    [Fact]
    public async Task Upsert_on_an_identity_inserts_new_rows_and_updates_existing_ones_in_input_order()
    {
        var org = await OrgAsync("upsert1");
        var first = await db.Domain.CreateAsync<User>(new { email = "u1@upsert.test", name = "Old", organization_id = org.Id }, cancellationToken: Ct);
        var upsert = new Upsert { Identity = "unique_email", Fields = ["name"] };

        var result = await db.Domain.BulkCreateAsync<User>(
            [new { email = "u2@upsert.test", name = "Two", organization_id = org.Id }, new { email = "U1@UPSERT.TEST", name = "New", organization_id = org.Id }],
            new BulkCreateOptions { Upsert = upsert, ReturnRecords = true }, Ct);

        Assert.Equal(BulkStatus.Success, result.Status);
        Assert.Equal(["Two", "New"], result.Records.Select(r => r.Name));
        Assert.Equal(first.Id, result.Records[1].Id);
        Assert.Equal("u1@upsert.test", result.Records[1].Email);
        Assert.Equal(first.InsertedAt, result.Records[1].InsertedAt);
        Assert.True(result.Records[1].UpdatedAt > first.UpdatedAt);
        Assert.Equal(2, await db.Domain.CountAsync(Query.For<User>().Filter(u => u.OrganizationId == org.Id), cancellationToken: Ct));
    }

    [Fact]
    public async Task Updated_at_moves_only_when_a_field_really_changed_unless_told_otherwise()
    {
        var org = await OrgAsync("upsert2");
        var user = await db.Domain.CreateAsync<User>(new { email = "same@upsert.test", name = "Same", organization_id = org.Id }, cancellationToken: Ct);
        var input = new { email = "same@upsert.test", name = "Same", organization_id = org.Id };

        var unchanged = await db.Domain.UpsertAsync<User>(input, new Upsert { Identity = "unique_email", Fields = ["name"] }, cancellationToken: Ct);
        var touched = await db.Domain.UpsertAsync<User>(input, new Upsert { Identity = "unique_email", Fields = ["name"], TouchUnchanged = true }, cancellationToken: Ct);

        Assert.Equal(user.UpdatedAt, unchanged!.UpdatedAt);
        Assert.True(touched!.UpdatedAt > user.UpdatedAt);
    }

    [Fact]
    public async Task No_upsert_fields_keep_the_row_and_report_it_skipped()
    {
        var org = await OrgAsync("upsert3");
        await db.Domain.CreateAsync<User>(new { email = "keep@upsert.test", name = "Kept", organization_id = org.Id }, cancellationToken: Ct);

        var result = await db.Domain.BulkCreateAsync<User>(
            [new { email = "keep@upsert.test", name = "Ignored", organization_id = org.Id }, new { email = "fresh@upsert.test", name = "Fresh", organization_id = org.Id }],
            new BulkCreateOptions { Upsert = new Upsert { Identity = "unique_email", Fields = [], ReportSkipped = true } }, Ct);

        Assert.Equal([0], result.Skipped);
        Assert.Equal(1, result.Written);
        var kept = await db.Domain.ReadAsync(Query.For<User>().Filter(u => u.Email == "keep@upsert.test"), cancellationToken: Ct);
        Assert.Equal("Kept", Assert.Single(kept).Name);
    }

    [Fact]
    public async Task An_upsert_condition_reads_the_incoming_values_and_skips_rows_that_fail_it()
    {
        var org = await OrgAsync("upsert4");
        await db.Domain.CreateAsync<User>(new { email = "a@cond.test", name = "Anna", organization_id = org.Id }, cancellationToken: Ct);
        await db.Domain.CreateAsync<User>(new { email = "b@cond.test", name = "Bob", organization_id = org.Id }, cancellationToken: Ct);
        var upsert = new Upsert { Identity = "unique_email", Fields = ["name"], ReportSkipped = true }
            .When<User>((existing, incoming) => incoming.Name.Length > existing.Name.Length);

        var result = await db.Domain.BulkCreateAsync<User>(
            [new { email = "a@cond.test", name = "Al", organization_id = org.Id }, new { email = "b@cond.test", name = "Bobby", organization_id = org.Id }],
            new BulkCreateOptions { Upsert = upsert, ReturnRecords = true }, Ct);

        Assert.Equal([0], result.Skipped);
        Assert.Equal("Bobby", Assert.Single(result.Records).Name);
        var names = await db.Domain.ReadAsync(Query.For<User>().Filter(u => u.OrganizationId == org.Id).Sort(u => u.Email), cancellationToken: Ct);
        Assert.Equal(["Anna", "Bobby"], names.Select(u => u.Name));
    }

    [Fact]
    public async Task Upsert_on_the_primary_key_and_duplicates_within_a_batch_are_clear_errors()
    {
        var org = await OrgAsync("upsert5");
        var inputs = new object?[] { new { email = "d1@dup.test", name = "One", organization_id = org.Id }, new { email = "d1@dup.test", name = "Two", organization_id = org.Id } };

        var duplicate = await db.Domain.BulkCreateAsync<User>(inputs, new BulkCreateOptions { Upsert = new Upsert { Identity = "unique_email" } }, Ct);
        var byKey = await Assert.ThrowsAsync<ArgumentException>(() => db.Domain.BulkCreateAsync<Ticket>([new { subject = "Keyless" }], new BulkCreateOptions { Tenant = org.Tenant, Upsert = new Upsert() }, Ct));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => db.Domain.BulkCreateAsync<User>(inputs, new BulkCreateOptions { Upsert = new Upsert { Identity = "nope" } }, Ct));

        var error = Assert.IsType<InvalidAttribute>(Assert.Single(Assert.Single(duplicate.Errors).Errors));
        Assert.Equal("email", error.Field);
        Assert.Contains("primary key", byKey.Message, StringComparison.Ordinal);
        Assert.Contains("unique_email", unknown.Message, StringComparison.Ordinal);
    }
}

public sealed class IdentityUpsertTests(GadgetFixture db) : IClassFixture<GadgetFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_identity_where_is_part_of_the_conflict_target()
    {
        // unique_enabled_name is unique among enabled gadgets only: a disabled twin never conflicts.
        await db.Domain.CreateAsync<Gadget>(new { name = "partial", code = "p1", enabled = true, price = 1m }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Gadget>(new { name = "partial", code = "p2", enabled = false, price = 2m }, cancellationToken: Ct);
        var upsert = new Upsert { Identity = "unique_enabled_name", Fields = ["price"] };

        var result = await db.Domain.BulkCreateAsync<Gadget>([new { name = "partial", code = "p3", enabled = true, price = 9m }], new BulkCreateOptions { Upsert = upsert, ReturnRecords = true }, Ct);

        Assert.Equal(BulkStatus.Success, result.Status);
        var all = await db.Domain.ReadAsync(Query.For<Gadget>().Filter(g => g.Name == "partial").Sort(g => g.Price), cancellationToken: Ct);
        Assert.Equal([2m, 9m], all.Select(g => g.Price));
        Assert.True(Assert.Single(result.Records).Enabled);
    }

    [Fact]
    public async Task Nils_not_distinct_identities_conflict_on_nil()
    {
        await db.Domain.CreateAsync<Gadget>(new { name = "nil code", code = (string?)null, price = 1m }, cancellationToken: Ct);

        var stored = await db.Domain.UpsertAsync<Gadget>(new { name = "nil code", code = (string?)null, price = 5m }, new Upsert { Identity = "unique_code", Fields = ["price"] }, cancellationToken: Ct);

        Assert.Equal(5m, stored!.Price);
        Assert.Equal(1, await db.Domain.CountAsync(Query.For<Gadget>().Filter(g => g.Code == null), cancellationToken: Ct));
    }
}
