using Ashlar.Domains;
using Ashlar.Postgres.Migrations.Tenants;
using Ashlar.Postgres.Schema;
using Ashlar.Postgres.Types;
using Ashlar.Resources;

namespace Ashlar.Postgres.Declarations;

/// <summary>Derives the <see cref="SchemaModel"/> a domain's declarations call for, one per repo.</summary>
internal static class ResourceSchemaBuilder
{
    /// <summary>
    /// The schema for the resources stored in <paramref name="repoType"/> whose migrations Ashlar manages. With
    /// <paramref name="tenants"/> false: the global tables (context-tenant resources only when declared global, in
    /// their declared schema); with true: the context-tenant resources' tables, in the placeholder schema
    /// <see cref="TenantSchema.Placeholder"/> that the tenant runner binds to each tenant.
    /// </summary>
    public static SchemaModel Build(DomainModel domain, Type repoType, bool tenants = false)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var resources = domain.Resources
            .Select(r => (Resource: r, Options: r.Extension<PostgresOptions>()))
            .Where(r => r.Options is { Migrate: true } && r.Options.RepoType == repoType)
            .Where(r => tenants ? IsContextTenant(r.Resource) : !IsContextTenant(r.Resource) || r.Resource.Multitenancy!.Global)
            .ToList();

        var tables = resources
            .Select(r => Table(domain, r.Resource, r.Options!, tenants))
            .OrderBy(t => t.Schema, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var unmanaged = domain.Resources
            .Where(r => IsContextTenant(r) == tenants)
            .Select(r => r.Extension<PostgresOptions>())
            .Where(o => o is { Migrate: false, Table: not null } && o.RepoType == repoType)
            .Select(o => $"{(tenants ? TenantSchema.Placeholder : o!.SchemaOrPublic)}.{o!.Table}")
            .Where(name => tables.All(t => t.QualifiedName != name))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var repo = Ashlar.Postgres.Repos.RepoCache.For(repoType);
        return new SchemaModel
        {
            Schemas = tables.Select(t => t.Schema).Where(s => s != "public" && s != TenantSchema.Placeholder).Distinct().Order(StringComparer.Ordinal).ToList(),
            Extensions = tenants ? [] : repo.InstalledExtensions.Distinct().Order(StringComparer.Ordinal).ToList(),
            Functions = tables.SelectMany(t => t.Columns.Select(c => UuidV7Function.InstalledBy(t.Schema, c.Default))).OfType<string>()
                .Distinct().Order(StringComparer.Ordinal).ToList(),
            Tables = tables,
            Unmanaged = unmanaged,
        };
    }

    /// <summary>True when <paramref name="resource"/> keeps each tenant's records in the tenant's own schema.</summary>
    public static bool IsContextTenant(ResourceDefinition resource) => resource.Multitenancy is { Strategy: MultitenancyStrategy.Context };

    /// <summary>True when the repo stores a context-tenant resource whose table migrations manage.</summary>
    public static bool HasTenantTables(DomainModel domain, Type repoType) =>
        domain.Resources.Any(r => IsContextTenant(r) && r.Extension<PostgresOptions>() is { Migrate: true } o && o.RepoType == repoType);

    /// <summary>The repos the domain's resources are stored in.</summary>
    public static IReadOnlyList<Type> Repos(DomainModel domain) => [.. Ashlar.Postgres.Repos.PostgresRepo.InDomain(domain).Select(r => r.GetType())];

    internal static TableModel Table(DomainModel domain, ResourceDefinition resource, PostgresOptions options, bool tenants = false)
    {
        var table = options.Table!;
        var schema = tenants ? TenantSchema.Placeholder : options.SchemaOrPublic;
        return new TableModel
        {
            Schema = schema,
            Name = table,
            Columns = resource.Attributes.Select(a => Column(a, options, schema)).ToList(),
            PrimaryKey = resource.PrimaryKey.Select(a => a.Name).ToList(),
            ForeignKeys = ForeignKeys(domain, resource, options, tenants).ToList(),
            Indexes = Indexes(resource, options).ToList(),
            Checks = options.CheckConstraints.Select(c => new CheckModel(c.ConstraintName, c.Check)).ToList(),
            Statements = options.Statements.Select(s => new StatementModel(s.Name, s.Up, s.Down, s.OnDestroy) { AfterTables = s.AfterTables }).ToList(),
            RenamedFrom = resource.RenamedFrom,
        };
    }

    private static ColumnModel Column(AttributeDefinition attribute, PostgresOptions options, string schema) => new()
    {
        Name = attribute.Name,
        Type = options.MigrationTypes.GetValueOrDefault(attribute.Name) ?? PgTypeMap.ColumnType(attribute.Type),
        Nullable = attribute.AllowNil,
        Default = options.MigrationDefaults.GetValueOrDefault(attribute.Name) ?? DefaultSql(attribute, options, schema),
        Identity = attribute.Identity,
        Generated = attribute.GeneratedSql,
        RenamedFrom = attribute.RenamedFrom,
        Using = options.MigrationUsings.GetValueOrDefault(attribute.Name)?.Up,
        UsingDown = options.MigrationUsings.GetValueOrDefault(attribute.Name)?.Down,
    };

    private static string? DefaultSql(AttributeDefinition attribute, PostgresOptions options, string schema) => attribute.Default switch
    {
        _ when attribute.Identity || attribute.GeneratedSql is not null => null,
        LiteralDefault literal => SqlLiteral.Render(literal.Value),
        GeneratedDefault { Kind: GeneratedValue.UuidV4 } => "gen_random_uuid()",
        GeneratedDefault { Kind: GeneratedValue.UuidV7 } => UuidV7Function.Default(schema, options.Repo.MinPostgresVersion),
        GeneratedDefault { Kind: GeneratedValue.Now } => "now()",
        _ => null,
    };

    private static IEnumerable<ForeignKeyModel> ForeignKeys(DomainModel domain, ResourceDefinition resource, PostgresOptions options, bool tenants)
    {
        foreach (var relationship in resource.Relationships.Where(r => r.Kind == RelationshipKind.BelongsTo))
        {
            var reference = options.References.FirstOrDefault(r => r.Relationship == relationship.Name)
                ?? new ReferenceOptions(relationship.Name);
            var destinationResource = domain.Resource(relationship.DestinationType);
            var destination = destinationResource.Extension<PostgresOptions>();
            var destinationInTenant = IsContextTenant(destinationResource);
            if (reference.Ignore || destination?.Table is null || destination.RepoType != options.RepoType
                || (destinationInTenant && !tenants && !destinationResource.Multitenancy!.Global))
            {
                // A global table cannot refer to a table that exists only in the tenants' schemas.
                continue;
            }

            var columns = new[] { relationship.SourceAttribute }.Concat(reference.MatchWith.Select(m => m.Key)).ToList();
            yield return new ForeignKeyModel
            {
                Name = reference.Name ?? SchemaNames.ForeignKey(options.Table!, [relationship.SourceAttribute]),
                Columns = columns,
                ReferencedSchema = tenants && destinationInTenant ? TenantSchema.Placeholder : destination.SchemaOrPublic,
                ReferencedTable = destination.Table,
                ReferencedColumns = new[] { relationship.DestinationAttribute }.Concat(reference.MatchWith.Select(m => m.Value)).ToList(),
                OnDelete = ReferenceActions.OnDelete(reference.OnDelete),
                NilifyColumns = reference.NilifyColumns,
                OnUpdate = ReferenceActions.OnUpdate(reference.OnUpdate),
                Deferrable = ReferenceActions.Deferral(reference.Deferrable),
                MatchType = reference.MatchType == ReferenceMatchType.Full ? ForeignKeyMatch.Full : ForeignKeyMatch.Simple,
            };
        }
    }

    private static IEnumerable<IndexModel> Indexes(ResourceDefinition resource, PostgresOptions options)
    {
        var table = options.Table!;
        foreach (var identity in resource.Identities.Where(i => !options.SkipUniqueIndexes.Contains(i.Name)))
        {
            yield return new IndexModel
            {
                Name = options.IdentityIndexNames.GetValueOrDefault(identity.Name) ?? SchemaNames.IdentityIndex(table, identity.Name),
                Fields = identity.Keys.Select(k => new IndexKeyModel(k, null, false)).ToList(),
                Unique = true,
                Where = identity.WhereSql,
                NullsDistinct = identity.NilsDistinct,
            };
        }

        foreach (var reference in options.References.Where(r => r.Index && !r.Ignore))
        {
            var relationship = resource.Relationship(reference.Relationship)!;
            var columns = new[] { relationship.SourceAttribute }.Concat(reference.MatchWith.Select(m => m.Key)).ToList();
            yield return new IndexModel
            {
                Name = SchemaNames.Index(table, columns),
                Fields = columns.Select(c => new IndexKeyModel(c, null, false)).ToList(),
                Where = reference.IndexWhere,
            };
        }

        foreach (var index in options.Indexes)
        {
            yield return new IndexModel
            {
                Name = index.Name ?? SchemaNames.Index(table, index.Fields.Select(f => f.Column!)),
                Fields = index.Fields.Select(f => new IndexKeyModel(f.Column, f.Sql, f.Descending)).ToList(),
                Unique = index.Unique,
                Where = index.Where,
                Using = index.Using,
                Include = index.Include,
                NullsDistinct = index.NullsDistinct,
                Concurrently = index.Concurrently,
            };
        }
    }
}
