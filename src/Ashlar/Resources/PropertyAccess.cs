using System.Linq.Expressions;
using System.Reflection;

namespace Ashlar.Resources;

/// <summary>
/// Boxed getters and setters for one property (works with <c>init</c> setters), compiled on first use: a domain
/// declares thousands of properties and an application touches few of them, so building a domain compiles none.
/// </summary>
internal sealed class PropertyAccess(PropertyInfo property)
{
    private Func<object, object?>? _get;
    private Action<object, object?>? _set;

    /// <summary>True for a non-nullable value type, which cannot hold nil.</summary>
    public bool RejectsNil { get; } = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null;

    // Two threads may both compile on first use; either delegate does the same, and the last one stored is kept.
    public Func<object, object?> Get => _get ??= CompileGet(property);

    public Action<object, object?>? Set => property.SetMethod is null ? null : _set ??= CompileSet(property);

    private static Func<object, object?> CompileGet(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var typed = Expression.Convert(instance, property.DeclaringType!);
        return Expression.Lambda<Func<object, object?>>(
            Expression.Convert(Expression.Property(typed, property), typeof(object)), instance).Compile();
    }

    private static Action<object, object?> CompileSet(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var value = Expression.Parameter(typeof(object), "value");
        var typed = Expression.Convert(instance, property.DeclaringType!);
        return Expression.Lambda<Action<object, object?>>(
            Expression.Call(typed, property.SetMethod!, Expression.Convert(value, property.PropertyType)), instance, value).Compile();
    }
}
