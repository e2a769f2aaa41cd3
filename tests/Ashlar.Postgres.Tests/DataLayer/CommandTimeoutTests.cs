using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using HelpDesk;
using HelpDesk.Resources;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class CommandTimeoutTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_command_timeout_is_a_transient_unavailable_error_that_says_it_timed_out()
    {
        var tag = await db.Domain.CreateAsync<Tag>(new { name = "held" }, cancellationToken: Ct);
        await using var holder = new NpgsqlConnection(db.ConnectionString);
        await holder.OpenAsync(Ct);
        await using var transaction = await holder.BeginTransactionAsync(Ct);
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM helpdesk.tags WHERE id = $1 FOR UPDATE", holder, transaction))
        {
            hold.Parameters.Add(new NpgsqlParameter { Value = tag.Id });
            await hold.ExecuteNonQueryAsync(Ct);
        }

        var impatient = new NpgsqlConnectionStringBuilder(db.ConnectionString) { CommandTimeout = 1 }.ConnectionString;
        await using var domain = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(impatient));

        var exception = await Assert.ThrowsAsync<InvalidException>(() => domain.DestroyAsync(tag, cancellationToken: Ct));

        var error = Assert.IsType<Unavailable>(Assert.Single(exception.Errors));
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Contains("CommandTimeout", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
        Assert.IsAssignableFrom<NpgsqlException>(exception.InnerException);
    }
}
