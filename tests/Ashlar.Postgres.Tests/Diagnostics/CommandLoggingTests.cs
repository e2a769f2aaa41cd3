using Ashlar.Bulk;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Diagnostics;
using Ashlar.Postgres.Tests.DataLayer;
using Ashlar.Queries;
using HelpDesk;
using HelpDesk.Resources;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Ashlar.Postgres.Tests.Diagnostics;

public sealed class CommandLoggingTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_statement_is_logged_at_debug_with_its_duration_and_its_parameters_hidden_by_default()
    {
        _ = db.Domain;
        var log = new LogCapture();
        using var factory = log.Factory();
        await using var helpdesk = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(db.ConnectionString), factory);

        var name = $"Hidden {Guid.NewGuid():N}";
        await helpdesk.CreateAsync<Organization>(new { name }, cancellationToken: Ct);
        await helpdesk.ReadAsync(Query.For<Organization>().Filter(o => o.Name == name), cancellationToken: Ct);

        var executed = log.Entries.Where(e => e.EventId.Id == PostgresEventId.CommandExecuted).ToList();
        var create = Assert.Single(executed, e => Equals(e.Values["Operation"], "create"));
        var read = Assert.Single(executed, e => Equals(e.Values["Operation"], "read"));
        foreach (var entry in new[] { create, read })
        {
            Assert.Equal(LogLevel.Debug, entry.Level);
            Assert.Equal("Ashlar.Postgres", entry.Category);
            Assert.Equal("Organization", entry.Values["Resource"]);
            var elapsed = Assert.IsType<double>(entry.Values["ElapsedMs"]);
            Assert.InRange(elapsed, 0, 60_000);
            Assert.Contains($" in {elapsed} ms", entry.Message, StringComparison.Ordinal);
            Assert.Contains("$1=?", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(name, entry.Message, StringComparison.Ordinal);
        }

        Assert.Contains("INSERT INTO", create.Message, StringComparison.Ordinal);
        Assert.Contains("SELECT", read.Message, StringComparison.Ordinal);
        Assert.Contains(log.Entries, e => e.EventId.Id == Ashlar.Diagnostics.AshlarEventId.RunningAction && e.Message == "Running Organization.read");
    }

    [Fact]
    public async Task A_bulk_copy_is_logged_at_debug_with_its_duration_and_row_count_and_a_failed_one_too()
    {
        _ = db.Domain;
        var log = new LogCapture();
        using var factory = log.Factory();
        await using var helpdesk = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(db.ConnectionString), factory);
        var prefix = $"c{Guid.NewGuid():N}"; // tag names are at most 40 characters

        var result = await helpdesk.BulkCreateAsync<Tag>(
            [new { name = prefix + " 1" }, new { name = prefix + " 2" }, new { name = prefix + " 3" }], cancellationToken: Ct);

        result.ThrowIfFailed();
        var copied = Assert.Single(log.Entries, e => e.EventId.Id == PostgresEventId.CopyExecuted);
        Assert.Equal((LogLevel.Debug, "Ashlar.Postgres", "Tag", 3L), (copied.Level, copied.Category, copied.Values["Resource"], copied.Values["Rows"]));
        var elapsed = Assert.IsType<double>(copied.Values["ElapsedMs"]);
        Assert.InRange(elapsed, 0, 60_000);
        Assert.StartsWith("Copied 3 Tag rows in ", copied.Message, StringComparison.Ordinal);
        Assert.Contains("COPY ", copied.Message, StringComparison.Ordinal);

        var again = await helpdesk.BulkCreateAsync<Tag>([new { name = prefix + " 1" }], cancellationToken: Ct);

        Assert.NotEqual(BulkStatus.Success, again.Status);
        var failed = Assert.Single(log.Entries, e => e.EventId.Id == PostgresEventId.CopyFailed);
        Assert.Equal((LogLevel.Debug, "Tag"), (failed.Level, failed.Values["Resource"]));
        Assert.NotNull(failed.Exception);
    }

    [Fact]
    public async Task Parameter_values_are_logged_when_enabled()
    {
        _ = db.Domain;
        var log = new LogCapture();
        using var factory = log.Factory();
        await using var helpdesk = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(db.ConnectionString).EnableParameterLogging(), factory);

        var name = $"Shown {Guid.NewGuid():N}";
        await helpdesk.ReadAsync(Query.For<Organization>().Filter(o => o.Name == name), cancellationToken: Ct);

        var read = Assert.Single(log.Entries, e => e.EventId.Id == PostgresEventId.CommandExecuted);
        Assert.Contains($"$1='{name}'", (string)read.Values["Parameters"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_statement_is_logged_as_failed_with_its_duration_and_the_database_error()
    {
        _ = db.Domain;
        var log = new LogCapture();
        using var factory = log.Factory();
        await using var helpdesk = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(db.ConnectionString), factory);
        var name = $"Twice {Guid.NewGuid():N}";
        await helpdesk.CreateAsync<Organization>(new { name }, cancellationToken: Ct);

        await Assert.ThrowsAsync<InvalidException>(() => helpdesk.CreateAsync<Organization>(new { name }, cancellationToken: Ct));

        var failed = Assert.Single(log.Entries, e => e.EventId.Id == PostgresEventId.CommandFailed);
        Assert.Equal(LogLevel.Debug, failed.Level);
        Assert.IsType<double>(failed.Values["ElapsedMs"]);
        Assert.IsType<Npgsql.PostgresException>(failed.Exception);
        Assert.Contains(log.Entries, e => e.EventId.Id == PostgresEventId.CommandRefused && e.Message.Contains("23505", StringComparison.Ordinal));
    }
}
