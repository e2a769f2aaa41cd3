using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Multitenancy;

public sealed class DeclarationTests
{
    [Fact]
    public void The_model_carries_each_resources_multitenancy()
    {
        var model = TenancyFixture.Model;
        Assert.Null(model.Resource<Org>().Multitenancy);
        Assert.Equal(new MultitenancyDefinition { Strategy = MultitenancyStrategy.Context }, model.Resource<Ticket>().Multitenancy);
        Assert.True(model.Resource<Notice>().Multitenancy!.Global);
        var job = model.Resource<Job>().Multitenancy!;
        Assert.Equal(MultitenancyStrategy.Attribute, job.Strategy);
        Assert.Equal("org_key", job.Attribute!.Name);
        Assert.False(job.Global);
    }

    [Fact]
    public void A_missing_tenant_attribute_is_refused()
    {
        var e = Assert.Throws<DeclarationException>(() => DomainModel.Build("bad", d => d.Resource<NoColumn>()));
        Assert.Contains(e.Problems, p => p.Resource == "NoColumn" && p.Option == "multitenancy" && p.Problem.Contains("org_key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shared_resource_holding_keys_of_tenant_records_is_refused_naming_both()
    {
        var e = Assert.Throws<DeclarationException>(() => DomainModel.Build("bad", d => d.Resource<Ticket>().Resource<Org>().Resource<Note>()
            .Resource<Tag>().Resource<TicketTag>().Resource<SharedLink>()));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("SharedLink", problem.Resource);
        Assert.Contains("SharedLink", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("Ticket", problem.Problem, StringComparison.Ordinal);
    }

    public sealed class NoColumn : IResource<NoColumn>
    {
        public long Id { get; set; }

        public string OrgKey { get; set; } = "";

        public static void Define(ResourceBuilder<NoColumn> r)
        {
            r.Attribute(x => x.Id, a => a.PrimaryKey());
            r.Multitenancy(m => m.Attribute(x => x.OrgKey));
            r.Postgres(pg => pg.Table("no_columns").Repo<TenancyRepo>());
        }
    }

    /// <summary>Shared by every tenant, yet it holds a ticket's key, which only means something inside one tenant.</summary>
    public sealed class SharedLink : IResource<SharedLink>
    {
        public long Id { get; set; }

        public long TicketId { get; set; }

        public Ticket? Ticket { get; set; }

        public static void Define(ResourceBuilder<SharedLink> r)
        {
            r.Attribute(x => x.Id, a => a.PrimaryKey());
            r.BelongsTo(x => x.Ticket);
            r.Postgres(pg => pg.Table("shared_links").Repo<TenancyRepo>());
        }
    }
}
