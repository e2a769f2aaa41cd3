using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Multitenancy;

/// <summary>The checks every read and write makes on its tenant before planning anything.</summary>
internal static class TenantCheck
{
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

    /// <summary>The error for a tenant resource reached without a tenant.</summary>
    public static InvalidException Required(ResourceDefinition resource, string? via = null) =>
        new([new TenantRequired(
            $"is a tenant resource ({resource.Multitenancy!.Strategy}){(via is null ? "" : $", reached through {via},")} and no tenant was given; pass the tenant (tenant: \"acme\"), or declare it r.Multitenancy(m => m.{resource.Multitenancy.Strategy}(...).Global()) to allow use without one")
        {
            Resource = resource.Name,
        }]);
}
