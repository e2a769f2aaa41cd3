using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Multitenancy;

/// <summary>The checks every read and write makes on its tenant before planning anything; data layers use them too.</summary>
[System.Diagnostics.CodeAnalysis.Experimental("ASHLAR001")]
public static class TenantCheck
{
    /// <summary>Checks <paramref name="tenant"/> for <paramref name="resource"/>: a valid name, given when the resource needs one.</summary>
    /// <param name="resource">The resource read or written.</param>
    /// <param name="tenant">The tenant of the call, or null.</param>
    /// <exception cref="InvalidException">
    /// <see cref="InvalidTenant"/>: the name breaks <see cref="TenantNames"/>' rule or is no value of the tenant
    /// attribute; <see cref="TenantRequired"/>: <paramref name="resource"/> needs a tenant and none is given.
    /// </exception>
    public static void Enter(ResourceDefinition resource, string? tenant)
    {
        TenantNames.Check(tenant, resource.Name);
        if (resource.Multitenancy is not { } multitenancy)
        {
            return;
        }

        if (tenant is null)
        {
            if (!multitenancy.Global)
            {
                throw Required(resource);
            }

            return;
        }

        if (multitenancy.Attribute is { } attribute)
        {
            TenantNames.AttributeValue(resource, attribute, tenant);
        }
    }

    /// <summary>For a tenant-column resource and a tenant: the column's value every record created there gets.</summary>
    /// <param name="resource">The resource written.</param>
    /// <param name="tenant">The tenant of the call, or null.</param>
    /// <returns>The tenant column and its value, or null when the resource has no tenant column or no tenant is given.</returns>
    public static FieldValue? Owner(ResourceDefinition resource, string? tenant) =>
        tenant is not null && resource.Multitenancy?.Attribute is { } attribute
            ? new FieldValue(attribute, TenantNames.AttributeValue(resource, attribute, tenant))
            : null;

    /// <summary>The error for a tenant resource reached without a tenant.</summary>
    /// <param name="resource">The tenant resource.</param>
    /// <param name="via">The relationship path it was reached through, for the message; null when used directly.</param>
    /// <returns>A <see cref="TenantRequired"/> error naming the resource and the fix.</returns>
    public static InvalidException Required(ResourceDefinition resource, string? via = null) =>
        new([new TenantRequired(
            $"is a tenant resource ({resource.Multitenancy!.Strategy}){(via is null ? "" : $", reached through {via},")} and no tenant was given; pass the tenant (tenant: \"acme\"), or declare it r.Multitenancy(m => m.{resource.Multitenancy.Strategy}(...).Global()) to allow use without one")
        {
            Resource = resource.Name,
        }]);
}
