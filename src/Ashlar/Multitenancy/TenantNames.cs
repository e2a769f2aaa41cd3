using System.Globalization;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Multitenancy;

/// <summary>
/// The rule every tenant name meets before it goes anywhere near SQL: 1 to 63 characters, each an ASCII letter,
/// digit, <c>_</c> or <c>-</c>; not <c>public</c>, <c>information_schema</c> nor starting with <c>pg_</c> (names
/// PostgreSQL reserves or every tenant shares). Names are case-sensitive: <c>Acme</c> and <c>acme</c> are two tenants.
/// </summary>
public static class TenantNames
{
    /// <summary>The longest tenant name: PostgreSQL's identifier limit, in bytes (ASCII, so also characters).</summary>
    public const int MaxLength = 63;

    /// <summary>Why <paramref name="tenant"/> is not a valid tenant name, or null when it is.</summary>
    public static string? Problem(string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (tenant.Length == 0)
        {
            return "is empty; a tenant name has 1 to 63 characters";
        }

        if (tenant.Length > MaxLength)
        {
            return $"has {tenant.Length} characters; a tenant name has at most {MaxLength}";
        }

        foreach (var c in tenant)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return $"contains the character U+{(int)c:X4}; a tenant name has only ASCII letters, digits, '_' and '-'";
            }
        }

        if (tenant.StartsWith("pg_", StringComparison.Ordinal) ||
            tenant is "public" or "information_schema")
        {
            return "is a schema name PostgreSQL reserves or every tenant shares (public, information_schema, pg_…); choose another";
        }

        return null;
    }

    /// <summary>Throws <see cref="InvalidException"/> with <see cref="InvalidTenant"/> when <paramref name="tenant"/> is not valid.</summary>
    /// <exception cref="InvalidException">The name breaks the rule.</exception>
    public static void Check(string? tenant, string? resource = null)
    {
        if (tenant is not null && Problem(tenant) is { } problem)
        {
            throw new InvalidException([new InvalidTenant($"the tenant name {Quote(tenant)} {problem}") { Resource = resource }]);
        }
    }

    /// <summary>The tenant column's value for <paramref name="tenant"/>: the name itself, or parsed as a UUID or integer.</summary>
    internal static object AttributeValue(ResourceDefinition resource, AttributeDefinition attribute, string tenant)
    {
        object? value = attribute.Type.Kind switch
        {
            TypeKind.String or TypeKind.CiString => tenant,
            TypeKind.Uuid => Guid.TryParse(tenant, CultureInfo.InvariantCulture, out var guid) ? guid : null,
            TypeKind.Integer => int.TryParse(tenant, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
            TypeKind.Long => long.TryParse(tenant, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ => null,
        };
        return value ?? throw new InvalidException([new InvalidTenant(
            $"the tenant {Quote(tenant)} is not a value of the tenant attribute {attribute.Name} ({attribute.Type})")
        {
            Resource = resource.Name,
            Field = attribute.Name,
        }]);
    }

    /// <summary>A printable form of a name that may hold control characters.</summary>
    private static string Quote(string tenant)
    {
        var shown = tenant.Length > 80 ? tenant[..80] + "…" : tenant;
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in shown)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}
