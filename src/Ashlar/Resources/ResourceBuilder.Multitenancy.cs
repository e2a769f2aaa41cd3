
namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    /// <summary>
    /// Makes this a tenant resource: <c>r.Multitenancy(m =&gt; m.Context())</c> keeps each tenant's records in the
    /// tenant's own schema, <c>r.Multitenancy(m =&gt; m.Attribute(x =&gt; x.OrganizationId))</c> in one table with a
    /// tenant column. Every read and write then needs a tenant, unless <c>.Global()</c> is added.
    /// </summary>
    public ResourceBuilder<T> Multitenancy(Action<MultitenancyBuilder<T>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (Draft.Multitenancy is not null)
        {
            Problem("multitenancy", "it is declared twice", "declare r.Multitenancy(...) once");
        }

        var builder = new MultitenancyBuilder<T>(this);
        configure(builder);
        Draft.Multitenancy = builder.Draft;
        return this;
    }
}
