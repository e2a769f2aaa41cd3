using System.Linq.Expressions;

namespace Ashlar.Resources;

/// <summary>
/// The multitenancy options of a resource: <c>r.Multitenancy(m =&gt; m.Context())</c> or
/// <c>r.Multitenancy(m =&gt; m.Attribute(x =&gt; x.OrganizationId).Global())</c>.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class MultitenancyBuilder<T>
    where T : class
{
    private MultitenancyStrategy? _strategy;
    private string? _attribute;
    private bool _global;
    private int _strategies;

    internal MultitenancyBuilder()
    {
    }

    internal MultitenancyDraft Draft => new(_strategy, _attribute, _global, _strategies);

    /// <summary>Each tenant's records live in the tenant's own schema (the tenant's name is the schema's name).</summary>
    public MultitenancyBuilder<T> Context()
    {
        _strategy = MultitenancyStrategy.Context;
        _attribute = null;
        _strategies++;
        return this;
    }

    /// <summary>Every tenant's records share one table; <paramref name="attribute"/> holds the tenant.</summary>
    public MultitenancyBuilder<T> Attribute<TValue>(Expression<Func<T, TValue>> attribute)
    {
        _strategy = MultitenancyStrategy.Attribute;
        _attribute = MemberNames.Of(attribute);
        _strategies++;
        return this;
    }

    /// <summary>The resource may also be used without a tenant (reading every tenant's records, or its own schema).</summary>
    public MultitenancyBuilder<T> Global(bool global = true)
    {
        _global = global;
        return this;
    }
}
