using Ashlar.Bulk;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.DataLayer;
using Ashlar.Queries;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk;

public sealed class BulkCreateTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Organization Org, User User)> SeedAsync(string name)
    {
        var org = await db.Domain.CreateAsync<Organization>(new { name }, cancellationToken: Ct);
        var user = await db.Domain.CreateAsync<User>(new { email = $"{name}@example.test", name, organization_id = org.Id }, cancellationToken: Ct);
        return (org, user);
    }

    private static IEnumerable<object?> Tickets(Organization org, User user, int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => (object?)new
        {
            subject = $"{prefix} {i:D4}",
            priority = (short)(i % 5 + 1),
            labels = new[] { "bulk", prefix },
            organization_id = org.Id,
            reporter_id = user.Id,
        });

    private async Task<long> CountAsync(Organization org) =>
        await db.Domain.CountAsync(Query.For<Ticket>().Filter(t => t.OrganizationId == org.Id), tenant: org.Tenant, cancellationToken: Ct);

    [Fact]
    public async Task Copy_path_writes_every_row_defaulted_like_a_single_create()
    {
        var (org, user) = await SeedAsync("bulkcopy");

        var result = await db.Domain.BulkCreateAsync<Ticket>(Tickets(org, user, 2500, "copy"), new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 1000 }, Ct);

        Assert.Equal(BulkStatus.Success, result.Status);
        Assert.Equal(2500, result.Written);
        Assert.Empty(result.Records);
        var read = await db.Domain.ReadAsync(Query.For<Ticket>().Filter(t => t.OrganizationId == org.Id).Sort(t => t.Subject), tenant: org.Tenant, cancellationToken: Ct);
        Assert.Equal(2500, read.Count);
        Assert.All(read, t => Assert.Equal(TicketStatus.Open, t.Status));
        Assert.All(read, t => Assert.InRange(t.InsertedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.Equal(["bulk", "copy"], read[7].Labels!);
        Assert.Equal((short)3, read[2].Priority);
    }

    [Fact]
    public async Task Returned_records_come_in_input_order_with_generated_keys()
    {
        var (org, user) = await SeedAsync("bulkorder");

        var result = await db.Domain.BulkCreateAsync<Ticket>(Tickets(org, user, 1200, "ord").Reverse(), new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 500, ReturnRecords = true }, Ct);

        Assert.Equal(1200, result.Records.Count);
        Assert.Equal(Enumerable.Range(0, 1200).Reverse().Select(i => $"ord {i:D4}"), result.Records.Select(r => r.Subject));
        Assert.All(result.Records, r => Assert.True(r.Id > 0));
        Assert.Equal(["bulk", "ord"], result.Records[0].Labels!);
        Assert.Equal(1200, result.Records.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_stream_yields_records_in_input_order()
    {
        var (org, user) = await SeedAsync("bulkstream");
        var subjects = new List<string>();

        await foreach (var ticket in db.Domain.BulkCreateStreamAsync<Ticket>(Tickets(org, user, 250, "st"), new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 100 }, Ct))
        {
            subjects.Add(ticket.Subject);
        }

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"st {i:D4}"), subjects);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Invalid_inputs_are_reported_by_index_and_all_or_nothing_writes_nothing(bool returnRecords)
    {
        var (org, user) = await SeedAsync($"bulkinvalid{returnRecords}");
        var inputs = Tickets(org, user, 300, "inv").ToList();
        inputs[17] = new { subject = "no", organization_id = org.Id, reporter_id = user.Id };                 // too short
        inputs[250] = new { subject = "bad priority", priority = (short)9, organization_id = org.Id, reporter_id = user.Id };

        var result = await db.Domain.BulkCreateAsync<Ticket>(inputs, new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 100, StopOnError = false, ReturnRecords = returnRecords }, Ct);

        Assert.Equal(BulkStatus.Error, result.Status);
        Assert.Equal(0, result.Written);
        Assert.Equal([17, 250], result.Errors.Select(e => e.Index));
        Assert.Equal("subject", Assert.IsType<InvalidAttribute>(Assert.Single(result.Errors[0].Errors)).Field);
        Assert.Equal("priority", Assert.IsType<InvalidAttribute>(Assert.Single(result.Errors[1].Errors)).Field);
        Assert.Equal(0, await CountAsync(org));
        var thrown = Assert.Throws<InvalidException>(() => result.ThrowIfFailed());
        Assert.Contains("input 17", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Batch_by_batch_with_stop_on_error_keeps_the_batches_before_the_error(bool returnRecords)
    {
        var (org, user) = await SeedAsync($"bulkstop{returnRecords}");
        var inputs = Tickets(org, user, 300, "stop").ToList();
        inputs[150] = new { subject = "x", organization_id = org.Id, reporter_id = user.Id };

        var result = await db.Domain.BulkCreateAsync<Ticket>(inputs, new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 100, Transaction = BulkTransaction.Batch, ReturnRecords = returnRecords }, Ct);

        Assert.Equal(BulkStatus.PartialSuccess, result.Status);
        Assert.Equal(100, result.Written);
        Assert.Equal(150, Assert.Single(result.Errors).Index);
        Assert.Equal(100, await CountAsync(org));
    }

    [Fact]
    public async Task Batch_by_batch_without_stop_on_error_skips_invalid_rows_and_refused_batches()
    {
        var (org, user) = await SeedAsync("bulkskip");
        var inputs = Tickets(org, user, 300, "skip").ToList();
        inputs[5] = new { subject = "x", organization_id = org.Id, reporter_id = user.Id };
        inputs[120] = new { subject = "unknown reporter", organization_id = org.Id, reporter_id = Guid.NewGuid() };

        var result = await db.Domain.BulkCreateAsync<Ticket>(inputs, new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 100, Transaction = BulkTransaction.Batch, StopOnError = false }, Ct);

        Assert.Equal(BulkStatus.PartialSuccess, result.Status);
        Assert.Equal(199, result.Written);
        Assert.Equal(199, await CountAsync(org));
        Assert.Equal(5, result.Errors[0].Index);
        var refused = result.Errors[1];
        Assert.Equal((100, 100), (refused.Index, refused.Count));
        var error = Assert.IsType<InvalidAttribute>(Assert.Single(refused.Errors));
        Assert.Equal("reporter_id", error.Field);
        Assert.Equal("Ticket", error.Resource);
    }

    [Fact]
    public async Task A_foreign_key_refusal_in_one_transaction_writes_nothing_and_names_the_field()
    {
        var (org, user) = await SeedAsync("bulkfk");
        var inputs = Tickets(org, user, 250, "fk").ToList();
        inputs[220] = new { subject = "unknown org", organization_id = Guid.NewGuid(), reporter_id = user.Id };

        foreach (var returnRecords in new[] { false, true })
        {
            var result = await db.Domain.BulkCreateAsync<Ticket>(inputs, new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 100, ReturnRecords = returnRecords }, Ct);

            Assert.Equal(BulkStatus.Error, result.Status);
            Assert.Equal("organization_id", Assert.IsType<InvalidAttribute>(Assert.Single(Assert.Single(result.Errors).Errors)).Field);
            Assert.Empty(result.Records);
        }

        Assert.Equal(0, await CountAsync(org));
    }

    [Fact]
    public async Task Inputs_may_come_from_an_async_sequence()
    {
        var (org, user) = await SeedAsync("bulkasync");

        var result = await db.Domain.BulkCreateAsync<Ticket>(Produce(Tickets(org, user, 150, "async")), new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 40 }, Ct);

        Assert.Equal(150, result.Written);
        Assert.Equal(150, await CountAsync(org));

        static async IAsyncEnumerable<object?> Produce(IEnumerable<object?> items)
        {
            foreach (var item in items)
            {
                await Task.Yield();
                yield return item;
            }
        }
    }

    [Fact]
    public async Task Unknown_inputs_and_bad_options_get_clear_errors()
    {
        var (org, user) = await SeedAsync("bulkbad");

        var result = await db.Domain.BulkCreateAsync<Ticket>([new { subject = "fine one", organization_id = org.Id, reporter_id = user.Id, colour = "red" }], new BulkCreateOptions { Tenant = org.Tenant }, Ct);
        Assert.IsType<NoSuchInput>(Assert.Single(Assert.Single(result.Errors).Errors));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.Domain.BulkCreateAsync<Ticket>([], new BulkCreateOptions { Tenant = org.Tenant, BatchSize = 0 }, Ct));
        var unknown = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.BulkCreateAsync<Ticket>([], new BulkCreateOptions { Tenant = org.Tenant, Action = "nope" }, Ct));
        Assert.Equal(["create", "open"], Assert.IsType<NoSuchAction>(Assert.Single(unknown.Errors)).Available);
    }
}
