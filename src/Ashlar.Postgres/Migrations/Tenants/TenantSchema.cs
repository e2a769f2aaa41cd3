using System.Text;
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

    /// <summary>The longest schema name PostgreSQL keeps (NAMEDATALEN − 1 bytes).</summary>
    public const int MaxBytes = 63;

    private static readonly string QuotedPlaceholder = SqlIdentifier.Quote(Placeholder);

    /// <summary>
    /// Why <paramref name="tenant"/> cannot be a schema name, or null when it can: empty, longer than 63 bytes,
    /// containing NUL, starting with <c>pg_</c> (reserved), or equal to the placeholder.
    /// </summary>
    /// <param name="tenant">The tenant name.</param>
    /// <returns>The reason, or null.</returns>
    public static string? Problem(string? tenant) => tenant switch
    {
        null or "" => "a tenant name is empty",
        _ when tenant.Contains('\0', StringComparison.Ordinal) => "a tenant name cannot contain the NUL character",
        _ when Encoding.UTF8.GetByteCount(tenant) > MaxBytes => $"a tenant name is at most {MaxBytes} bytes (UTF-8), this one has {Encoding.UTF8.GetByteCount(tenant)}",
        _ when tenant.StartsWith("pg_", StringComparison.OrdinalIgnoreCase) => "names starting with pg_ are reserved for PostgreSQL's own schemas",
        _ when tenant.Contains(Placeholder, StringComparison.Ordinal) => $"{Placeholder} is the placeholder of tenant migrations",
        _ when tenant.Any(char.IsSurrogate) && !IsWellFormed(tenant) => "a tenant name must be well-formed text (a lone surrogate was found)",
        _ => null,
    };

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
            throw new ArgumentException($"'{tenant}' cannot be a tenant: {problem}.", nameof(tenant));
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

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
