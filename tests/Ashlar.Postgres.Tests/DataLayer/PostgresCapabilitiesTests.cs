using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Repos;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class PostgresCapabilitiesTests
{
    [Fact]
    public void Each_feature_arrives_with_its_major_and_stays()
    {
        string Row(int major) => string.Join(",", PostgresCapabilities.Features.Where(new PostgresCapabilities(major).Has));

        Assert.Equal("", Row(14));
        Assert.Equal("SetNullColumns,NullsNotDistinct,Merge", Row(15));
        Assert.Equal(Row(15), Row(16));
        Assert.Equal("SetNullColumns,NullsNotDistinct,Merge,MergeReturning", Row(17));
        Assert.Equal("SetNullColumns,NullsNotDistinct,Merge,MergeReturning,NativeUuidV7,VirtualGeneratedColumns,ReturningOldNew", Row(18));
        Assert.Equal(Row(18), Row(19));
        Assert.True(PostgresCapabilities.Of(new Version(17, 10)).Has(PostgresFeature.MergeReturning));
        Assert.False(PostgresCapabilities.Of(new Version(16, 14)).Has(PostgresFeature.MergeReturning));
        Assert.Equal([PostgresFeature.SetNullColumns, PostgresFeature.NullsNotDistinct, PostgresFeature.Merge],
            new PostgresCapabilities(14).Lacks(new PostgresCapabilities(16)));
        Assert.Empty(new PostgresCapabilities(18).Lacks(new PostgresCapabilities(15)));
        Assert.Equal("NULLS NOT DISTINCT", PostgresCapabilities.Describe(PostgresFeature.NullsNotDistinct));
    }

    [Fact]
    public void Declarations_needing_postgresql_15_on_a_repo_minimum_of_14_are_refused_when_the_domain_is_built()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("old", d => d.Resource<OldShelf>()));

        Assert.Equal(["identity unique_code", "index [code]", "reference parent"], error.Problems.Select(p => p.Option).Order(StringComparer.Ordinal));
        Assert.All(error.Problems, p =>
        {
            Assert.Equal("OldShelf", p.Resource);
            Assert.Contains("needs PostgreSQL 15+", p.Problem, StringComparison.Ordinal);
            Assert.Contains("the repo fourteen_repo supports 14.0", p.Problem, StringComparison.Ordinal);
            Assert.StartsWith("raise MinPostgresVersion on the repo to 15.0", p.Fix, StringComparison.Ordinal);
        });
        Assert.Contains(error.Problems, p => p.Problem.Contains("(NULLS NOT DISTINCT)", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Problem.Contains("(ON DELETE SET NULL (columns))", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_declarations_on_a_repo_minimum_of_15_are_accepted()
    {
        var domain = DomainModel.Build("new", d => d.Resource<NewShelf>());

        Assert.Contains(domain.Resources, r => r.Name == "NewShelf");
    }

    public sealed class FourteenRepo : PostgresRepo;

    public sealed class FifteenRepo : PostgresRepo
    {
        public override Version MinPostgresVersion => new(15, 0);
    }

    public sealed class OldShelf : IResource<OldShelf>
    {
        public Guid Id { get; set; }

        public string? Code { get; set; }

        public Guid? ParentId { get; set; }

        public OldShelf? Parent { get; set; }

        public static void Define(ResourceBuilder<OldShelf> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.Code);
            r.BelongsTo(x => x.Parent);
            r.Identity("unique_code", x => x.Code, i => i.NilsDistinct(false));
            r.Postgres(pg => pg.Table("old_shelves").Repo<FourteenRepo>()
                .Reference(x => x.Parent, f => f.NilifyColumns("parent_id"))
                .Index(["code"], i => i.Unique().NullsDistinct(false).Name("old_shelves_code_nulls_index")));
        }
    }

    public sealed class NewShelf : IResource<NewShelf>
    {
        public Guid Id { get; set; }

        public string? Code { get; set; }

        public Guid? ParentId { get; set; }

        public NewShelf? Parent { get; set; }

        public static void Define(ResourceBuilder<NewShelf> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.Code);
            r.BelongsTo(x => x.Parent);
            r.Identity("unique_code", x => x.Code, i => i.NilsDistinct(false));
            r.Postgres(pg => pg.Table("new_shelves").Repo<FifteenRepo>()
                .Reference(x => x.Parent, f => f.NilifyColumns("parent_id"))
                .Index(["code"], i => i.Unique().NullsDistinct(false).Name("new_shelves_code_nulls_index")));
        }
    }
}
