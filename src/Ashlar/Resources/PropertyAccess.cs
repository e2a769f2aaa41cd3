using System.Linq.Expressions;
using System.Reflection;

namespace Ashlar.Resources;

/// <summary>Compiled, boxed getters and setters for one property (works with <c>init</c> setters).</summary>
internal sealed class PropertyAccess
{
    public PropertyAccess(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var value = Expression.Parameter(typeof(object), "value");
        var typed = Expression.Convert(instance, property.DeclaringType!);
        RejectsNil = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null;
        Get = Expression.Lambda<Func<object, object?>>(
            Expression.Convert(Expression.Property(typed, property), typeof(object)), instance).Compile();
        Set = property.SetMethod is null
            ? null
            : Expression.Lambda<Action<object, object?>>(
                Expression.Call(typed, property.SetMethod, Expression.Convert(value, property.PropertyType)),
                instance, value).Compile();
    }

    /// <summary>True for a non-nullable value type, which cannot hold nil.</summary>
    public bool RejectsNil { get; }

    public Func<object, object?> Get { get; }

    public Action<object, object?>? Set { get; }
}
