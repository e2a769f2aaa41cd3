using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using HelpDesk.Resources;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class UnreachableDatabaseTests
{
    [Fact]
    public async Task An_unreachable_server_is_a_typed_unavailable_error_with_the_cause_inside()
    {
        await using var domain = PostgresDomain.Create(HelpDesk.HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2"));

        var error = await Assert.ThrowsAsync<InvalidException>(() => domain.CreateAsync<Tag>(new { name = "x" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsType<Unavailable>(Assert.Single(error.Errors));
        Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
    }
}
