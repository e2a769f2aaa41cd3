using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Tenants;
using Ashlar.Resources;

namespace Ashlar.Postgres.Declarations;

/// <summary>
/// A resource's <c>Postgres</c> section: where its table lives and everything the migrations put on it.
/// Filled by <see cref="PostgresBuilder{T}"/>; read by the data layer and the migration generator.
/// </summary>
public sealed class PostgresOptions : IResourceExtension
{
    /// <summary>The table name.</summary>
    public string? Table { get; internal set; }

    /// <summary>The schema; null means <c>public</c>.</summary>
    public string? Schema { get; internal set; }

    /// <summary>The repo (database) the table is in.</summary>
    public Type RepoType { get; internal set; } = typeof(DefaultRepo);

    /// <summary>The repo plain reads go to (a replica of <see cref="RepoType"/>), or null to read from <see cref="RepoType"/> too.</summary>
    public Type? ReadRepoType { get; internal set; }

    /// <summary>False when migrations must leave this table alone.</summary>
    public bool Migrate { get; internal set; } = true;

    /// <summary>Foreign keys, one per belongs-to relationship that declares options.</summary>
    public IReadOnlyList<ReferenceOptions> References => ReferenceList;

    /// <summary>Check constraints.</summary>
    public IReadOnlyList<CheckConstraintOptions> CheckConstraints => CheckList;

    /// <summary>Custom indexes.</summary>
    public IReadOnlyList<IndexOptions> Indexes => IndexList;

    /// <summary>Custom SQL statements, in declaration order.</summary>
    public IReadOnlyList<StatementOptions> Statements => StatementList;

    /// <summary>Index names for identities, overriding <c>&lt;table&gt;_&lt;identity&gt;_index</c>.</summary>
    public IReadOnlyDictionary<string, string> IdentityIndexNames => IdentityIndexNameMap;

    /// <summary>Identities whose unique index is managed elsewhere.</summary>
    public IReadOnlyCollection<string> SkipUniqueIndexes => SkipUniqueIndexSet;

    /// <summary>Column types overriding the attribute type's default, by attribute name.</summary>
    public IReadOnlyDictionary<string, string> MigrationTypes => MigrationTypeMap;

    /// <summary>Column defaults (SQL) overriding the attribute's default, by attribute name.</summary>
    public IReadOnlyDictionary<string, string> MigrationDefaults => MigrationDefaultMap;

    /// <summary>Conversions for the next type change of a column, by attribute name (see <see cref="PostgresBuilder{T}.MigrationUsing"/>).</summary>
    public IReadOnlyDictionary<string, ColumnConversion> MigrationUsings => MigrationUsingMap;

    /// <summary>The schema the table is in.</summary>
    public string SchemaOrPublic => Schema ?? "public";

    internal List<ReferenceOptions> ReferenceList { get; } = [];

    /// <summary>Adds a reference, replacing an earlier one on the same relationship.</summary>
    internal void AddReference(ReferenceOptions reference)
    {
        ReferenceList.RemoveAll(r => r.Relationship == reference.Relationship);
        ReferenceList.Add(reference);
    }

    /// <summary>Declarations refused while the section was declared (e.g. a selector that is not a lambda).</summary>
    internal List<DeclarationProblem> ProblemList { get; } = [];

    internal List<CheckConstraintOptions> CheckList { get; } = [];

    internal List<IndexOptions> IndexList { get; } = [];

    internal List<StatementOptions> StatementList { get; } = [];

    internal Dictionary<string, string> IdentityIndexNameMap { get; } = [];

    internal HashSet<string> SkipUniqueIndexSet { get; } = [];

    internal Dictionary<string, string> MigrationTypeMap { get; } = [];

    internal Dictionary<string, string> MigrationDefaultMap { get; } = [];

    internal Dictionary<string, ColumnConversion> MigrationUsingMap { get; } = [];

    /// <summary>The repo that serves <paramref name="kind"/> of work: the read repo for plain reads when one is declared, else <see cref="RepoType"/>.</summary>
    public Type RepoFor(RepoKind kind) => kind == RepoKind.Read ? ReadRepoType ?? RepoType : RepoType;

    /// <summary>
    /// Set when the resource's records are tenants (<c>pg.ManageTenant(...)</c>): creating one creates and migrates its
    /// schema; null otherwise.
    /// </summary>
    public ManagedTenantOptions? ManagedTenant { get; internal set; }

    /// <summary>The repo instance, created from <see cref="RepoType"/>.</summary>
    public PostgresRepo Repo => RepoCache.For(RepoType);

    /// <inheritdoc />
    public IEnumerable<DeclarationProblem> Validate(ResourceDefinition resource, DomainModel domain) =>
        ProblemList.Count == 0 ? PostgresRules.Check(resource, this, domain) : [.. ProblemList, .. PostgresRules.Check(resource, this, domain)];
}
