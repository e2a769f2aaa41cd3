using Ashlar.Multitenancy;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Sql.Text;

namespace Ashlar.Postgres.Migrations.Tenants;

/// <summary>
/// The tenant's schema in tenant migrations. Codegen writes tenant tables into the placeholder schema
/// <see cref="Placeholder"/>, always as the quoted identifier <c>"{tenant}"</c>; the runner replaces that quoted
/// token with the tenant's own quoted identifier when it applies the migration to a tenant. The statements stay
/// fully qualified, so a tenant migration can refer to global tables and never falls through a search path to a
/// same-named table of another schema.
/// </summary>
public static class TenantSchema
{
    /// <summary>The schema name tenant tables have in tenant snapshots and migration files.</summary>
    public const string Placeholder = "{tenant}";

    private static readonly string QuotedPlaceholder = SqlIdentifier.Quote(Placeholder);

    /// <summary>
    /// Why <paramref name="tenant"/> cannot be a tenant's schema, or null when it can: the tenant-name rule of
    /// <see cref="TenantNames.Problem"/> (1 to 63 ASCII letters, digits, <c>_</c> or <c>-</c>; not <c>public</c>,
    /// <c>information_schema</c> or <c>pg_…</c>), which also keeps the placeholder from being a tenant.
    /// </summary>
    /// <param name="tenant">The tenant name.</param>
    /// <returns>The reason, or null.</returns>
    public static string? Problem(string? tenant) => tenant is null ? "is missing" : TenantNames.Problem(tenant);

    /// <summary>The statement with the placeholder schema replaced by the tenant's quoted schema name.</summary>
    /// <param name="statement">A statement of a tenant migration.</param>
    /// <param name="tenant">A tenant name accepted by <see cref="Problem"/>.</param>
    /// <returns>The statement to run for that tenant.</returns>
    /// <exception cref="ArgumentException">The tenant name is not a valid schema name.</exception>
    public static string Bind(string statement, string tenant)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (Problem(tenant) is { } problem)
        {
            throw new ArgumentException($"The tenant name {tenant} {problem}.", nameof(tenant));
        }

        return statement.Replace(QuotedPlaceholder, SqlIdentifier.Quote(tenant), StringComparison.Ordinal);
    }

    /// <summary>
    /// Refuses tenant migrations that name the placeholder other than as the quoted identifier <c>"{tenant}"</c>
    /// (an unquoted or string-embedded placeholder would never be bound safely).
    /// </summary>
    /// <param name="migrations">The tenant migration files.</param>
    /// <exception cref="MigrationException">A statement has a stray placeholder; the message names the file.</exception>
    public static void CheckPlaceholders(IEnumerable<MigrationFile> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        foreach (var file in migrations)
        {
            foreach (var statement in file.Up.Concat(file.Down))
            {
                if (statement.Replace(QuotedPlaceholder, "", StringComparison.Ordinal).Contains(Placeholder, StringComparison.Ordinal))
                {
                    throw new MigrationException(
                        $"Tenant migration {file.FileName} names {Placeholder} outside the quoted identifier {QuotedPlaceholder}: " +
                        $"write the tenant's schema only as {QuotedPlaceholder}.\"table\", which the runner replaces with the tenant's quoted name.");
                }
            }
        }
    }
}
