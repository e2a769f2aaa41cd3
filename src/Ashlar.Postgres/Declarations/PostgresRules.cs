using System.Runtime.CompilerServices;
using System.Text;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Schema;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Postgres.Declarations;

/// <summary>The rules a resource's <c>Postgres</c> section must satisfy; checked when the domain is built.</summary>
internal static class PostgresRules
{
    /// <summary>PostgreSQL keeps identifiers to NAMEDATALEN - 1 bytes and truncates longer ones silently.</summary>
    private const int MaxIdentifierBytes = 63;

    // Looked up per resource, built once per domain: comparing every resource with every other is quadratic.
    private static readonly ConditionalWeakTable<DomainModel, Dictionary<TableKey, List<ResourceDefinition>>> MigratedTables = new();

    public static IEnumerable<DeclarationProblem> Check(ResourceDefinition resource, PostgresOptions options, DomainModel domain)
    {
        var problems = new List<DeclarationProblem>();

        // One delegate for the checks below (a local function passed as one makes a delegate at every call).
        Action<string, string, string> report = (option, problem, fix) => problems.Add(new(resource.Name, option, problem, fix));

        if (string.IsNullOrWhiteSpace(options.Table))
        {
            report("postgres table", "no table is declared",
                $"add pg.Table(\"{Ashlar.Types.Naming.ToSnakeCase(resource.Name)}s\") to the Postgres section");
            return problems;
        }

        CheckName(options.Table, "postgres table", report);
        if (options.Schema is not null)
        {
            CheckName(options.Schema, "postgres schema", report);
        }

        var sameTable = options.Migrate && MigratedTables.GetValue(domain, TablesOf).TryGetValue(new(options.RepoType, options.SchemaOrPublic, options.Table), out var sharing)
            ? sharing.Where(r => r != resource).Select(r => r.Name).ToList()
            : [];
        if (sameTable.Count > 0)
        {
            report("postgres table", $"{options.SchemaOrPublic}.{options.Table} is also the table of {string.Join(", ", sameTable)}",
                "give each migrated resource its own table, or mark all but one Migrate(false)");
        }

        var minimum = PostgresCapabilities.Of(options.Repo.MinPostgresVersion);
        CheckReferences(resource, options, domain, minimum, report);
        CheckIndexes(resource, options, minimum, report);

        foreach (var check in options.CheckConstraints)
        {
            CheckName(check.ConstraintName, $"check_constraint {check.Key}", report);
            foreach (var attribute in check.Attributes.Where(a => resource.Attribute(a) is null))
            {
                report($"check_constraint {check.Key}", $"names {attribute}, which is not an attribute", "name an attribute of the resource");
            }
        }

        foreach (var duplicate in options.Statements.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            report($"statement {duplicate.Key}", "is declared more than once", "give each statement its own name");
        }

        foreach (var identity in options.IdentityIndexNames.Keys.Concat(options.SkipUniqueIndexes)
                     .Where(i => resource.Identities.All(x => x.Name != i)))
        {
            report($"identity index {identity}", "names an identity that is not declared", "use the name of a declared identity");
        }

        CheckExtensions(resource, options, report);
        ReadRepoRules.Check(resource, options, domain, report);
        foreach (var attribute in resource.Attributes.Where(a => a.Default is LiteralDefault && !options.MigrationDefaults.ContainsKey(a.Name)))
        {
            try
            {
                SqlLiteral.Render(((LiteralDefault)attribute.Default!).Value);
            }
            catch (ArgumentException)
            {
                report($"attribute {attribute.Name}", "its default cannot be written as a SQL column default",
                    $"add pg.MigrationDefault(x => x.{attribute.Property.Name}, \"<sql>\") for the column");
            }
        }

        foreach (var attribute in options.MigrationTypes.Keys.Concat(options.MigrationDefaults.Keys).Concat(options.MigrationUsings.Keys)
                     .Where(a => resource.Attribute(a) is null))
        {
            report($"migration type/default/using for {attribute}", "names an attribute that is not declared", "use a declared attribute");
        }

        return problems;
    }

    // Keyed by a record class, not a tuple: a value-type key is generic code the runtime compiles at start-up.
    private static Dictionary<TableKey, List<ResourceDefinition>> TablesOf(DomainModel domain)
    {
        var tables = new Dictionary<TableKey, List<ResourceDefinition>>();
        foreach (var resource in domain.Resources)
        {
            if (resource.Extension<PostgresOptions>() is { Migrate: true } options)
            {
                var key = new TableKey(options.RepoType, options.SchemaOrPublic, options.Table);
                if (!tables.TryGetValue(key, out var sharing))
                {
                    tables[key] = sharing = [];
                }

                sharing.Add(resource);
            }
        }

        return tables;
    }

    private static void CheckReferences(ResourceDefinition resource, PostgresOptions options, DomainModel domain, PostgresCapabilities minimum, Action<string, string, string> problem)
    {
        foreach (var reference in options.References)
        {
            var option = $"reference {reference.Relationship}";
            var relationship = resource.Relationship(reference.Relationship);
            if (relationship is not { Kind: RelationshipKind.BelongsTo })
            {
                problem(option, "does not name a belongs_to relationship", "reference a belongs_to relationship of the resource");
                continue;
            }

            var key = resource.Attribute(relationship.SourceAttribute)!;
            if (reference.Ignore && (reference.Deferrable != Deferrable.No || reference.OnDelete != OnDelete.Nothing || reference.Index))
            {
                problem(option, "is ignored (no foreign key) but also sets constraint options", "remove Ignore() or the other options");
            }

            if (reference.OnDelete == OnDelete.Nilify && !key.AllowNil && reference.NilifyColumns.Count == 0)
            {
                problem(option, $"on_delete nilify would set {key.Name} to NULL, but it does not allow nil",
                    $"make {key.Property.Name} nullable, or choose OnDelete.Delete/Restrict");
            }

            if (reference.NilifyColumns.Count > 0 && !minimum.Has(PostgresFeature.SetNullColumns))
            {
                problem(option, NeedsNewer("nilify of chosen columns", PostgresFeature.SetNullColumns, options),
                    RaiseMinimum(PostgresFeature.SetNullColumns) + ", or nilify every key column");
            }

            foreach (var column in reference.NilifyColumns.Concat(reference.MatchWith.Select(m => m.Key)).Where(c => resource.Attribute(c) is null))
            {
                problem(option, $"names the column {column}, which is not an attribute", "use attributes of the resource");
            }

            var destination = domain.FindResource(relationship.DestinationType)?.Extension<PostgresOptions>();
            if (!reference.Ignore && destination is not null && destination.RepoType != options.RepoType)
            {
                problem(option, "refers to a resource in another repo; a foreign key cannot cross databases", "add Ignore() to the reference");
            }

            if (reference.Name is not null)
            {
                CheckName(reference.Name, option, problem);
            }
            else if (SchemaNames.ForeignKey(options.Table!, [key.Name]) is var name && !IsPlainName(name))
            {
                CheckName(name, option + " (default constraint name)", problem);
            }
        }
    }

    private static void CheckIndexes(ResourceDefinition resource, PostgresOptions options, PostgresCapabilities minimum, Action<string, string, string> problem)
    {
        foreach (var identity in resource.Identities.Where(i => !options.SkipUniqueIndexes.Contains(i.Name)))
        {
            var name = options.IdentityIndexNames.GetValueOrDefault(identity.Name) ?? SchemaNames.IdentityIndex(options.Table!, identity.Name);
            if (!IsPlainName(name))
            {
                CheckName(name, $"identity {identity.Name} (index name)", problem);
            }

            if (!identity.NilsDistinct && !minimum.Has(PostgresFeature.NullsNotDistinct))
            {
                problem($"identity {identity.Name}", NeedsNewer("NilsDistinct(false)", PostgresFeature.NullsNotDistinct, options),
                    RaiseMinimum(PostgresFeature.NullsNotDistinct));
            }
        }

        foreach (var index in options.Indexes)
        {
            if (index.Name is null && index.Fields.Any(f => f.Column is null))
            {
                problem(Describe(index), "an index over SQL expressions has no default name", "give it one with i.Name(\"...\")");
                continue;
            }

            foreach (var column in index.Fields.Select(f => f.Column).OfType<string>().Concat(index.Include).Where(c => resource.Attribute(c) is null))
            {
                problem(Describe(index), $"names the column {column}, which is not an attribute", "use attributes of the resource, or IndexOnExpressions for SQL");
            }

            var name = index.Name ?? SchemaNames.Index(options.Table!, index.Fields.Select(f => f.Column!));
            if (!IsPlainName(name))
            {
                CheckName(name, Describe(index), problem);
            }

            if (!index.NullsDistinct && !minimum.Has(PostgresFeature.NullsNotDistinct))
            {
                problem(Describe(index), NeedsNewer("NullsDistinct(false)", PostgresFeature.NullsNotDistinct, options),
                    RaiseMinimum(PostgresFeature.NullsNotDistinct));
            }
        }
    }

    private static string NeedsNewer(string declaration, PostgresFeature feature, PostgresOptions options) =>
        $"{declaration} needs PostgreSQL {PostgresCapabilities.Since(feature)}+ ({PostgresCapabilities.Describe(feature)}), " +
        $"but the repo {options.Repo.Name} supports {options.Repo.MinPostgresVersion}";

    private static string RaiseMinimum(PostgresFeature feature) => $"raise MinPostgresVersion on the repo to {PostgresCapabilities.Since(feature)}.0";

    /// <summary>A case-insensitive attribute is read and written through <c>citext</c> casts, so its repo must install it.</summary>
    private static void CheckExtensions(ResourceDefinition resource, PostgresOptions options, Action<string, string, string> problem)
    {
        if (options.Repo.InstalledExtensions.Contains("citext", StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var attribute in resource.Attributes.Where(a => a.Type.Kind == TypeKind.CiString || a.Type.ElementType?.Kind == TypeKind.CiString))
        {
            problem($"attribute {attribute.Name}", $"is case-insensitive (citext), but the repo {options.Repo.Name} does not install the citext extension",
                $"add \"citext\" to InstalledExtensions of {options.RepoType.Name}");
        }
    }

    // How problems name an index: by its keys. Made only for a problem; a domain build checks thousands of indexes.
    private static string Describe(IndexOptions index) => $"index [{string.Join(", ", index.Fields.Select(f => f.Column ?? f.Sql))}]";

    private static bool IsPlainName(string name) => !IsTooLong(name) && !IsBlank(name);

    private static bool IsTooLong(string name) => Encoding.UTF8.GetByteCount(name) > MaxIdentifierBytes;

    private static bool IsBlank(string name) => name.Length == 0 || name.Contains('\0', StringComparison.Ordinal);

    private static void CheckName(string name, string option, Action<string, string, string> problem)
    {
        if (IsTooLong(name))
        {
            problem(option, $"the name \"{name}\" is longer than {MaxIdentifierBytes} bytes; PostgreSQL would silently truncate it",
                "choose a shorter name");
        }

        if (IsBlank(name))
        {
            problem(option, "the name is empty or contains a NUL character", "choose a plain identifier");
        }
    }

    private sealed record TableKey(Type Repo, string Schema, string? Table);
}
