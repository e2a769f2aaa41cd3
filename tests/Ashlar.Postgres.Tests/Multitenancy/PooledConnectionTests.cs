using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Queries;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Multitenancy;

/// <summary>The fixture's pool has two connections: every statement after a tenant's finds the connection as it was.</summary>
public sealed class PooledConnectionTests(TenancyFixture db) : IClassFixture<TenancyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pooled_connection_never_carries_a_tenants_settings_into_the_next_statement()
    {
        for (var round = 0; round < 20; round++)
        {
            var tenant = round % 2 == 0 ? "acme" : "globex";
            var tickets = db.Domain.ReadAsync(Query.For<Ticket>().Sort(t => t.Id), tenant, Ct);
            var jobs = db.Domain.ReadAsync(Query.For<Job>().Sort(j => j.Id), tenant, Ct);
            Assert.All(await tickets, t => Assert.StartsWith(tenant, t.Title, StringComparison.Ordinal));
            Assert.All(await jobs, j => Assert.Equal(tenant, j.OrgKey));
            Assert.Equal(["shared notice"], (await db.Domain.ReadAsync(Query.For<Notice>(), cancellationToken: Ct)).Select(n => n.Text));
        }

        for (var i = 0; i < 4; i++)
        {
            await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT current_setting('search_path'), coalesce(current_setting('ashlar.tenant', true), '')", connection);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            Assert.True(await reader.ReadAsync(Ct));
            Assert.Equal("\"$user\", public", reader.GetString(0));
            Assert.Equal("", reader.GetString(1));
        }
    }

    [Fact]
    public async Task In_a_transaction_each_statement_runs_in_its_own_tenant_and_the_settings_end_with_it()
    {
        var (acme, globex, shared) = await db.Domain.TransactionAsync(async ct => (
            await db.Domain.ReadAsync(Query.For<Ticket>(), "acme", ct),
            await db.Domain.ReadAsync(Query.For<Ticket>(), "globex", ct),
            await db.Domain.ReadAsync(Query.For<Notice>(), cancellationToken: ct)), Ct);
        Assert.All(acme, t => Assert.StartsWith("acme", t.Title, StringComparison.Ordinal));
        Assert.All(globex, t => Assert.StartsWith("globex", t.Title, StringComparison.Ordinal));
        Assert.Equal(["shared notice"], shared.Select(n => n.Text));
    }
}
