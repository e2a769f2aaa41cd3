using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Ashlar.Types;

/// <summary>Builds the arrays and lists that record properties, parameters and loads hold, for an element type known only at run time.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class TypedCollections
{
    private static readonly MethodInfo FillArray = typeof(TypedCollections).GetMethod(nameof(Fill), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo NewListOf = typeof(TypedCollections).GetMethod(nameof(NewList), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<IReadOnlyList<object?>, Array>> Arrays = new();
    private static readonly ConcurrentDictionary<Type, Func<int, IList>> Lists = new();

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
        // Array.SetValue per element costs ~100 ns; a typed fill, built once per element type, stores directly.
        var fill = Arrays.TryGetValue(elementType, out var cached)
            ? cached
            : Arrays.GetOrAdd(elementType, static type => type.IsPointer || type.IsByRefLike || type.ContainsGenericParameters
                ? items => SetEach(type, items)
                : FillArray.MakeGenericMethod(type).CreateDelegate<Func<IReadOnlyList<object?>, Array>>());
        return fill(items);
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

        var create = Lists.TryGetValue(elementType, out var cached)
            ? cached
            : Lists.GetOrAdd(elementType, static type => NewListOf.MakeGenericMethod(type).CreateDelegate<Func<int, IList>>());
        var list = create(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            list.Add(items[i]);
        }

        return list;
    }

    private static Array Fill<T>(IReadOnlyList<object?> items)
    {
        var array = new T[items.Count];
        for (var i = 0; i < array.Length; i++)
        {
            if (items[i] is T value)
            {
                array[i] = value;
            }
            else if (items[i] is not null)
            {
                array.SetValue(items[i], i); // a widening Array.SetValue allows (an int into a long[]), or its error
            }
        }

        return array;
    }

    private static Array SetEach(Type elementType, IReadOnlyList<object?> items)
    {
        var array = Array.CreateInstance(elementType, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }

    private static IList NewList<T>(int capacity) => new List<T>(capacity);
}
