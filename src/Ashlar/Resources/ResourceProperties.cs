using System.Reflection;
using System.Runtime.CompilerServices;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>
/// What declarations read of a resource class by reflection — its public properties by name, and for each declared
/// property its column name, inferred attribute type and nullability — read once per class and kept for the life of
/// the class, so building a domain again (every test, every host in the process) reads no metadata.
/// </summary>
internal static class ResourceProperties
{
    private static readonly ConditionalWeakTable<Type, PropertyTable> Tables = [];

    /// <summary>The public instance property <paramref name="name"/> of <paramref name="type"/>, or null.</summary>
    public static PropertyInfo? Find(Type type, string name) =>
        Table(type).Find(name);

    /// <summary>
    /// The public instance property of <paramref name="type"/> whose snake_case name is <paramref name="snakeName"/>
    /// (the first in declaration order should two share it), or null.
    /// </summary>
    public static PropertyInfo? FindBySnakeName(Type type, string snakeName) =>
        Table(type).FindBySnakeName(snakeName);

    /// <summary>The facts a declaration of <paramref name="property"/> needs.</summary>
    public static DeclaredProperty Declared(PropertyInfo property) =>
        Table(property.ReflectedType ?? property.DeclaringType!).Declared(property);

    private static PropertyTable Table(Type type) => Tables.GetValue(type, static t => new PropertyTable(t));

    private sealed class PropertyTable
    {
        private readonly Dictionary<string, PropertyInfo> _byName = new(StringComparer.Ordinal);
        private readonly PropertyInfo[] _all;
        private Dictionary<string, PropertyInfo>? _bySnakeName;
        // A dictionary under a lock rather than a concurrent one: made per resource class, and a concurrent dictionary
        // is several times the cost to make; builds in parallel are rare and each entry is made once.
        private readonly Dictionary<string, DeclaredProperty> _declared = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public PropertyTable(Type type)
        {
            // The type's whole property list, filled once by the runtime; a name seen twice is a property hidden with
            // `new`, and the compiler binds the most derived one.
            _all = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            foreach (var property in _all)
            {
                _byName[property.Name] = _byName.ContainsKey(property.Name) ? MostDerived(type, property.Name)! : property;
            }
        }

        public PropertyInfo? Find(string name) => _byName.GetValueOrDefault(name);

        // Made on first use: only a class with a belongs_to looks its key up by column name.
        public PropertyInfo? FindBySnakeName(string snakeName)
        {
            lock (_lock)
            {
                if (_bySnakeName is null)
                {
                    _bySnakeName = new Dictionary<string, PropertyInfo>(_all.Length, StringComparer.Ordinal);
                    foreach (var property in _all)
                    {
                        _bySnakeName.TryAdd(Naming.ToSnakeCase(property.Name), property);
                    }
                }

                return _bySnakeName.GetValueOrDefault(snakeName);
            }
        }

        public DeclaredProperty Declared(PropertyInfo property)
        {
            lock (_lock)
            {
                if (!_declared.TryGetValue(property.Name, out var declared))
                {
                    var type = property.PropertyType;
                    declared = new DeclaredProperty(
                        Naming.ToSnakeCase(property.Name),
                        AttributeType.Infer(type),
                        type.IsValueType ? Nullable.GetUnderlyingType(type) is not null : PropertyNullability.AllowsNil(property));
                    _declared.Add(property.Name, declared);
                }

                return declared;
            }
        }

        private static PropertyInfo? MostDerived(Type type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var declared = current.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
                if (declared is not null)
                {
                    return declared;
                }
            }

            return null;
        }
    }
}
