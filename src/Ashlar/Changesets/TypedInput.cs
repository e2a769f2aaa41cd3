using System.Reflection;
using Ashlar.Actions;
using Ashlar.Resources;

namespace Ashlar.Changesets;

/// <summary>
/// Turns a typed write — a new record object, or a change applied to a copy of a record — into the name/value input
/// every other write uses, so the same changeset checks it.
/// </summary>
internal static class TypedInput
{
    private static readonly Func<object, object> ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    /// <summary>
    /// The attributes <paramref name="record"/> sets: every attribute the action accepts, except one still holding
    /// the value a new object holds when the attribute has a declared default (the default applies, as EF Core's
    /// sentinel does); and every other attribute whose value differs from a new object's, so the changeset refuses
    /// it by name instead of the value being dropped.
    /// </summary>
    public static List<KeyValuePair<string, object?>> ForCreate(ResourceDefinition resource, ActionDefinition action, object record)
    {
        var fresh = NewObject(resource.ClrType);
        var input = new List<KeyValuePair<string, object?>>();
        foreach (var attribute in resource.Attributes)
        {
            var value = resource.GetValue(record, attribute.Name);
            var untouched = StoredEquality.Same(attribute.Type, value, fresh is null ? Default(attribute) : resource.GetValue(fresh, attribute.Name));
            var accepted = action.Accept.Contains(attribute.Name);
            if (accepted ? !(untouched && attribute.Default is not null) : !untouched)
            {
                input.Add(new(attribute.Name, value));
            }
        }

        foreach (var relationship in resource.Relationships)
        {
            if (relationship.Property.GetValue(record) is not null && (fresh is null || relationship.Property.GetValue(fresh) is null))
            {
                input.Add(new(relationship.Name, null));
            }
        }

        return input;
    }

    /// <summary>
    /// Runs <paramref name="change"/> on a copy of <paramref name="record"/> (the record itself is left as it is) and
    /// returns the attributes whose values it changed.
    /// </summary>
    public static List<KeyValuePair<string, object?>> ForUpdate<T>(ResourceDefinition resource, T record, Action<T> change)
        where T : class
    {
        var copy = (T)ShallowCopy(record);
        foreach (var attribute in resource.Attributes)
        {
            // Arrays are copied too, so a change written in place (labels[0] = …) is seen as one.
            if (attribute.Property.SetMethod is not null && resource.GetValue(record, attribute.Name) is Array array)
            {
                attribute.Property.SetValue(copy, array.Clone());
            }
        }

        change(copy);
        var input = new List<KeyValuePair<string, object?>>();
        foreach (var attribute in resource.Attributes)
        {
            var value = resource.GetValue(copy, attribute.Name);
            if (!StoredEquality.Same(attribute.Type, resource.GetValue(record, attribute.Name), value))
            {
                input.Add(new(attribute.Name, value));
            }
        }

        return input;
    }

    private static object? NewObject(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is { } constructor ? constructor.Invoke(null) : null;

    private static object? Default(AttributeDefinition attribute)
    {
        var type = attribute.Property.PropertyType;
        return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
    }
}
