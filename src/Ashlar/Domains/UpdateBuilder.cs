using System.Linq.Expressions;
using Ashlar.Errors;

namespace Ashlar.Domains;

/// <summary>
/// An update action's input built with the compiler's checks: <c>domain.Update(ticket, "resolve").Argument("resolution",
/// "fixed").ExecuteAsync(ct)</c>. It runs exactly as <see cref="Domain.UpdateAsync{T}(T, object?, string?, string?, CancellationToken)"/>
/// with the same values as input: the same casts, constraints, optimistic lock and typed errors.
/// </summary>
/// <typeparam name="T">The resource.</typeparam>
public sealed class UpdateBuilder<T>
    where T : class
{
    private readonly Domain _domain;
    private readonly T _record;
    private readonly string? _action;
    private readonly WriteInput _input = new();
    private string? _tenant;

    internal UpdateBuilder(Domain domain, T record, string? action)
    {
        _domain = domain;
        _record = record;
        _action = action;
    }

    /// <summary>Sets an attribute the action accepts; the property's type is the value's.</summary>
    /// <exception cref="ArgumentException">The lambda does not select a property directly, or the attribute is set twice.</exception>
    public UpdateBuilder<T> Set<TValue>(Expression<Func<T, TValue>> attribute, TValue value)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        _input.Attribute(attribute, value);
        return this;
    }

    /// <summary>Gives one of the action's arguments (declared with <c>a.Argument&lt;TValue&gt;(name)</c>).</summary>
    /// <exception cref="ArgumentException">The name is empty or given twice.</exception>
    public UpdateBuilder<T> Argument(string name, object? value)
    {
        _input.Argument(name, value);
        return this;
    }

    /// <summary>The tenant, for multitenant resources.</summary>
    public UpdateBuilder<T> Tenant(string? tenant)
    {
        _tenant = tenant;
        return this;
    }

    /// <summary>Runs the action and returns the record as stored.</summary>
    /// <exception cref="InvalidException">The values are invalid, the record is gone or was changed since it was read (<see cref="StaleRecord"/>), the action does not exist (<see cref="NoSuchAction"/>), or the database refused the write.</exception>
    public Task<T> ExecuteAsync(CancellationToken cancellationToken = default) =>
        _domain.UpdateAsync(_record, (object?)_input.Values, _action, _tenant, cancellationToken);
}
