using System.Runtime.CompilerServices;

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

    private readonly ResourceBuilder<T> _resource;

    internal MultitenancyBuilder(ResourceBuilder<T> resource)
    {
        _resource = resource;
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
    /// <param name="attribute">The tenant's property, as a lambda written at the call: <c>x =&gt; x.OrganizationId</c>.</param>
    /// <param name="attributeText">Filled in by the compiler: the source text of <paramref name="attribute"/>.</param>
    public MultitenancyBuilder<T> Attribute<TValue>(Func<T, TValue> attribute, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        _strategy = MultitenancyStrategy.Attribute;
        _attribute = _resource.SelectName(typeof(T), typeof(TValue), attributeText, "multitenancy attribute");
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
