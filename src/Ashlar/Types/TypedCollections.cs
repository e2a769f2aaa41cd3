using System.Collections;

namespace Ashlar.Types;

/// <summary>Builds the arrays and lists that record properties, parameters and loads hold, for an element type known only at run time.</summary>
internal static class TypedCollections
{
    /// <summary>The element type of <c>T[]</c>, <c>List&lt;T&gt;</c>, <c>IList&lt;T&gt;</c> or <c>IReadOnlyList&lt;T&gt;</c>, or null.</summary>
    public static Type? ElementType(Type collectionType)
    {
        if (collectionType.IsArray)
        {
            return collectionType.GetElementType();
        }

        if (collectionType.IsGenericType)
        {
            var definition = collectionType.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>))
            {
                return collectionType.GetGenericArguments()[0];
            }
        }

        return null;
    }

    /// <summary>A <paramref name="elementType"/>[] holding <paramref name="items"/>.</summary>
    public static Array ToArray(Type elementType, IReadOnlyList<object?> items)
    {
        var array = Array.CreateInstance(elementType, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }

    /// <summary>
    /// <paramref name="items"/> as a value of <paramref name="collectionType"/>: an array when it is an array type,
    /// otherwise a <c>List&lt;<paramref name="elementType"/>&gt;</c> (which every supported list interface accepts).
    /// </summary>
    public static object Create(Type collectionType, Type elementType, IReadOnlyList<object?> items)
    {
        if (collectionType.IsArray)
        {
            return ToArray(elementType, items);
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType), items.Count)!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
