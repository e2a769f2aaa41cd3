using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ashlar.Postgres.Rows;
using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Ashlar.Types;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

/// <summary>The <see cref="LoadBinder"/> of parents <typeparamref name="TParent"/> keyed by <typeparamref name="TKey"/>, loading <typeparamref name="TDest"/>.</summary>
internal sealed class LoadBinder<TParent, TKey, TDest> : LoadBinder
    where TParent : class
    where TKey : notnull
    where TDest : class
{
    private readonly KeyGetter _key;
    private readonly bool _directKey;
    private readonly bool _toOne;
    private readonly Action<TParent, TDest?>? _setOne;
    private readonly Action<TParent, List<TDest>>? _setMany;
    private readonly string _field;
    private readonly IEqualityComparer<TKey>? _comparer;

    public LoadBinder(ResourceDefinition source, AttributeDefinition key, RelationshipDefinition relationship)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(relationship);
        KeyType = key.Type;
        _key = CompileKey(key.Property);
        _directKey = Materializer.IsDirect(key.Type);
        _comparer = KeyComparer(key.Type);
        _toOne = relationship.IsToOne;
        _field = $"{source.Name}.{relationship.Name}";
        if (_toOne)
        {
            _setOne = CompileSetter<TDest?>(relationship.Property, static value => value);
        }
        else
        {
            var propertyType = relationship.Property.PropertyType;
            _setMany = propertyType == typeof(TDest[])
                ? CompileSetter<List<TDest>>(relationship.Property, static list => Expression.Call(list, typeof(List<TDest>).GetMethod(nameof(List<TDest>.ToArray))!))
                : CompileSetter<List<TDest>>(relationship.Property, static list => list);
        }
    }

    /// <summary>Reads a parent's key; false when it is nil.</summary>
    private delegate bool KeyGetter(TParent parent, out TKey key);

    /// <inheritdoc />
    public override AttributeType KeyType { get; }

    /// <inheritdoc />
    public override LoadBatch Begin(IEnumerable parents, bool keepRecords) =>
        new Batch(this, parents as IReadOnlyList<TParent> ?? [.. parents.Cast<TParent>()], keepRecords);

    /// <summary>
    /// Keys group rows as the database matched them: case-insensitive text ignoring case, binary keys by content
    /// (a <c>byte[]</c> read from each row is a new array); everything else by its own equality.
    /// </summary>
    private static IEqualityComparer<TKey>? KeyComparer(AttributeType type) => type.Kind switch
    {
        TypeKind.CiString when typeof(TKey) == typeof(string) => (IEqualityComparer<TKey>)(object)StringComparer.OrdinalIgnoreCase,
        TypeKind.Binary when typeof(TKey) == typeof(byte[]) => (IEqualityComparer<TKey>)(object)BinaryKeyComparer.Instance,
        _ => null,
    };

    private static KeyGetter CompileKey(PropertyInfo property)
    {
        var parent = Expression.Parameter(typeof(TParent), "parent");
        var key = Expression.Parameter(typeof(TKey).MakeByRefType(), "key");
        var value = Expression.Property(parent, property);
        Expression body;
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
        {
            var held = Expression.Variable(property.PropertyType, "held");
            body = Expression.Block(
                [held],
                Expression.Assign(held, value),
                Expression.Assign(key, Expression.Convert(Expression.Call(held, property.PropertyType.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!), typeof(TKey))),
                Expression.Property(held, nameof(Nullable<int>.HasValue)));
        }
        else if (property.PropertyType.IsValueType)
        {
            body = Expression.Block(Expression.Assign(key, Expression.Convert(value, typeof(TKey))), Expression.Constant(true));
        }
        else
        {
            body = Expression.Block(
                Expression.Assign(key, Expression.Convert(value, typeof(TKey))),
                Expression.ReferenceNotEqual(key, Expression.Constant(null, typeof(TKey))));
        }

        return Expression.Lambda<KeyGetter>(body, parent, key).Compile();
    }

    private static Action<TParent, TValue>? CompileSetter<TValue>(PropertyInfo property, Func<Expression, Expression> convert)
    {
        if (property.SetMethod is null)
        {
            return null;
        }

        var parent = Expression.Parameter(typeof(TParent), "parent");
        var value = Expression.Parameter(typeof(TValue), "value");
        var converted = convert(value);
        if (!property.PropertyType.IsAssignableFrom(converted.Type))
        {
            return null;
        }

        var call = Expression.Call(parent, property.SetMethod, Expression.Convert(converted, property.PropertyType));
        return Expression.Lambda<Action<TParent, TValue>>(call, parent, value).Compile();
    }

    private InvalidOperationException NoSetter() => new($"{_field} has no setter that takes the loaded records.");

    /// <summary>
    /// One key's rows: for a to-one its first record, for a to-many the list of them (one field, so the dictionary's
    /// entries stay small), and whether a parent already holds that list.
    /// </summary>
    private struct Group
    {
        public object? Value;
        public bool Given;

        public readonly TDest? First => Unsafe.As<TDest>(Value);

        public readonly List<TDest>? Items => Unsafe.As<List<TDest>>(Value);
    }

    private sealed class Batch : LoadBatch
    {
        private readonly LoadBinder<TParent, TKey, TDest> _binder;
        private readonly IReadOnlyList<TParent> _parents;
        private readonly Dictionary<TKey, Group> _groups;
        private readonly List<TDest>? _records;
        private readonly TKey[] _keys;

        public Batch(LoadBinder<TParent, TKey, TDest> binder, IReadOnlyList<TParent> parents, bool keepRecords)
        {
            _binder = binder;
            _parents = parents;
            _groups = new Dictionary<TKey, Group>(parents.Count, binder._comparer);
            _records = keepRecords ? [] : null;
            for (var i = 0; i < parents.Count; i++)
            {
                if (binder._key(parents[i], out var key))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out _);
                }
            }

            _keys = new TKey[_groups.Count];
            _groups.Keys.CopyTo(_keys, 0);
        }

        public override Array Keys => _keys;

        public override ICollection? Records => _records;

        public override void Add(NpgsqlDataReader reader)
        {
            var key = _binder._directKey ? reader.GetFieldValue<TKey>(0) : (TKey)ValueConverter.Read(reader, 0, _binder.KeyType)!;
            var record = Record<TDest>(reader);
            _records?.Add(record);
            ref var group = ref CollectionsMarshal.GetValueRefOrNullRef(_groups, key);
            if (Unsafe.IsNullRef(ref group))
            {
                return;
            }

            if (_binder._toOne)
            {
                group.Value ??= record;
            }
            else if (group.Items is { } items)
            {
                items.Add(record);
            }
            else
            {
                group.Value = new List<TDest> { record };
            }
        }

        public override void Assign()
        {
            var binder = _binder;
            if (binder._toOne)
            {
                var set = binder._setOne ?? throw binder.NoSetter();
                for (var i = 0; i < _parents.Count; i++)
                {
                    var parent = _parents[i];
                    set(parent, binder._key(parent, out var key) ? _groups[key].First : null);
                }

                return;
            }

            var setMany = binder._setMany ?? throw binder.NoSetter();
            for (var i = 0; i < _parents.Count; i++)
            {
                var parent = _parents[i];
                if (!binder._key(parent, out var key))
                {
                    setMany(parent, []);
                    continue;
                }

                // Parents sharing a key get lists of their own: the first takes the grouped list, the others a copy.
                ref var group = ref CollectionsMarshal.GetValueRefOrNullRef(_groups, key);
                var items = group.Items;
                List<TDest> list;
                if (items is null)
                {
                    list = [];
                }
                else if (group.Given)
                {
                    list = [.. items];
                }
                else
                {
                    list = items;
                    group.Given = true;
                }

                setMany(parent, list);
            }
        }
    }
}
