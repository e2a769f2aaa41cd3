using Ashlar.Domains;
using HelpDesk;
using HelpDesk.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace Ashlar.AspNetCore.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void A_missing_connection_string_fails_registration_with_the_configuration_key_to_set()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAshlarPostgres<HelpDeskRepo>(null, HelpDeskDomain.Build()));

        Assert.Contains("ConnectionStrings__helpdesk", error.Message, StringComparison.Ordinal);
        Assert.Contains("GetConnectionString(\"helpdesk\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_fails_registration()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAshlarPostgres<HelpDeskRepo>("Hots=localhost", HelpDeskDomain.Build()));

        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_is_unhealthy_naming_the_repo_when_the_database_cannot_be_reached()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAshlarPostgres<HelpDeskRepo>("Host=127.0.0.1;Port=1;Timeout=5", HelpDeskDomain.Build());
        services.AddHealthChecks().AddAshlar();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("HelpDeskRepo", report.Entries["ashlar"].Description, StringComparison.Ordinal);
        Assert.Same(provider.GetRequiredService<DomainModel>(), provider.GetRequiredService<Domain>().Model);
    }
}
