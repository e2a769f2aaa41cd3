using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Tests.DataLayer.Gadgets;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class PostgresDeclarationTests
{
    [Fact]
    public void Two_migrated_resources_on_one_table_are_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("lab", d => d.Resource<Gadget>().Resource<Manual>().Resource<GadgetCopy>()));

        Assert.Contains(error.Problems, p => p.Resource == "GadgetCopy" && p.Option == "postgres table" && p.Problem.Contains("lab.gadgets", StringComparison.Ordinal));
    }

    public sealed class GadgetCopy : IResource<GadgetCopy>
    {
        public Guid Id { get; set; }

        public static void Define(ResourceBuilder<GadgetCopy> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Postgres(pg => pg.Table("gadgets").Schema("lab").Repo<GadgetRepo>());
        }
    }
}
