using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Hosting;
using Ashlar.Testing;
using HelpDesk.Resources;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Ashlar.Postgres.Tests.Hosting;

public sealed class ServiceRegistrationTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_registered_domain_is_a_singleton_over_the_validated_model()
    {
        var services = new ServiceCollection().AddAshlarPostgres("helpdesk", HelpDesk.HelpDeskDomain.Define, pg => pg.Repo<HelpDeskRepo>(db.ConnectionString));
        await using var provider = services.BuildServiceProvider();

        var domain = provider.GetRequiredService<Domain>();

        Assert.Same(domain, provider.GetRequiredService<Domain>());
        Assert.Same(provider.GetRequiredService<DomainModel>(), domain.Model);
        Assert.Equal(HelpDesk.HelpDeskDomain.Build().Resources.Select(r => r.Name), domain.Model.Resources.Select(r => r.Name));
    }

    [Fact]
    public void A_broken_declaration_fails_registration_not_the_first_request()
    {
        Assert.Throws<DeclarationException>(() => new ServiceCollection().AddAshlarPostgres("bad", d => d.Resource<Ticket>(), _ => { }));
    }
}
