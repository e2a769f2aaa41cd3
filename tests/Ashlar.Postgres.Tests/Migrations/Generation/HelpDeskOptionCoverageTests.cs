using Ashlar.Domains;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;
using HelpDesk;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>
/// The HelpDesk sample is the showcase of every <c>Postgres</c> schema option (issue 3): its declarations must use
/// each one at least once, so that its committed migrations and the tests over them exercise all of them.
/// </summary>
public sealed class HelpDeskOptionCoverageTests
{
    private static readonly DomainModel Domain = HelpDeskDomain.Build();

    private static IEnumerable<(ResourceDefinition Resource, PostgresOptions Options)> Resources =>
        Domain.Resources.Select(r => (r, r.Extension<PostgresOptions>()!));

    private static IEnumerable<ReferenceOptions> References => Resources.SelectMany(r => r.Options.References);

    private static IEnumerable<IndexOptions> Indexes => Resources.SelectMany(r => r.Options.Indexes);

    private static IEnumerable<StatementOptions> Statements => Resources.Where(r => r.Options.Migrate).SelectMany(r => r.Options.Statements);

    private static IEnumerable<IdentityDefinition> Identities => Resources.SelectMany(r => r.Resource.Identities);

    [Fact]
    public void References_use_every_on_delete_on_update_and_deferrable_value()
    {
        Assert.All(Enum.GetValues<OnDelete>(), v => Assert.Contains(References, r => !r.Ignore && r.OnDelete == v));
        Assert.All(Enum.GetValues<OnUpdate>(), v => Assert.Contains(References, r => !r.Ignore && r.OnUpdate == v));
        Assert.All(Enum.GetValues<Deferrable>(), v => Assert.Contains(References, r => !r.Ignore && r.Deferrable == v));
    }

    [Fact]
    public void References_use_nilify_columns_a_name_indexes_composite_keys_and_ignore()
    {
        Assert.Contains(References, r => r.NilifyColumns.Count > 0);
        Assert.Contains(References, r => r.Name is not null);
        Assert.Contains(References, r => r.Index && r.IndexWhere is null);
        Assert.Contains(References, r => r.Index && r.IndexWhere is not null);
        Assert.Contains(References, r => r.MatchWith.Count > 0 && r.MatchType == ReferenceMatchType.Full);
        Assert.Contains(References, r => r.MatchWith.Count > 0 && r.MatchType == ReferenceMatchType.Simple);
        Assert.Contains(References, r => r.Ignore);
    }

    [Fact]
    public void Check_constraints_use_a_name_and_a_message()
    {
        var checks = Resources.SelectMany(r => r.Options.CheckConstraints).ToList();
        Assert.Contains(checks, c => c.Name is not null && c.Message is not null && c.Attributes.Count > 0);
        Assert.Contains(checks, c => c.Name is null && c.Message is not null);
    }

    [Fact]
    public void Custom_indexes_use_every_option()
    {
        Assert.Contains(Indexes, i => i.Fields.Any(f => f.Column is null && f.Sql is not null));
        Assert.Contains(Indexes, i => i.Fields.Any(f => f.Descending));
        Assert.Contains(Indexes, i => i.Unique && i.Message is not null && i.ErrorField is not null);
        Assert.Contains(Indexes, i => i.Name is not null);
        Assert.Contains(Indexes, i => i.Where is not null);
        Assert.Contains(Indexes, i => i.Using == "gin");
        Assert.Contains(Indexes, i => i.Include.Count > 0);
        Assert.Contains(Indexes, i => i.Concurrently);
        Assert.Contains(Indexes, i => !i.NullsDistinct);
    }

    [Fact]
    public void Statements_use_up_and_down_the_seed_form_on_destroy_and_after_tables()
    {
        Assert.Contains(Statements, s => s.Down is not null && !s.OnDestroy);
        Assert.Contains(Statements, s => s.Down is null && !s.OnDestroy && s.Name.StartsWith("statement_", StringComparison.Ordinal));
        Assert.Contains(Statements, s => s.OnDestroy);
        Assert.Contains(Statements, s => s.AfterTables.Count > 0);
    }

    [Fact]
    public void Identities_and_table_options_use_every_option()
    {
        Assert.Contains(Identities, i => i.WhereSql is not null && !i.NilsDistinct);
        Assert.Contains(Resources, r => r.Options.IdentityIndexNames.Count > 0);
        Assert.Contains(Resources, r => r.Options.SkipUniqueIndexes.Count > 0);
        Assert.Contains(Resources, r => r.Options.MigrationTypes.Count > 0);
        Assert.Contains(Resources, r => r.Options.MigrationDefaults.Count > 0);
        Assert.Contains(Resources, r => r.Options.Schema is not null);
        Assert.Contains(Resources, r => !r.Options.Migrate);
    }

    [Fact]
    public void The_repo_installs_citext_and_pg_trgm_and_allows_postgres_15_features()
    {
        var repo = Assert.Single(Resources.Select(r => r.Options.Repo).Distinct());
        Assert.Contains("citext", repo.InstalledExtensions);
        Assert.Contains("pg_trgm", repo.InstalledExtensions);
        Assert.True(repo.MinPostgresVersion >= new Version(15, 0));
    }
}
