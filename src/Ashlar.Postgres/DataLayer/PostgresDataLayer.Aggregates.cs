using System.Globalization;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Types;
using Ashlar.Types;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

public sealed partial class PostgresDataLayer
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<KeyValuePair<TKey, TValue>>> AggregateAsync<TKey, TValue>(AggregatePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var resource = plan.Query.Resource;
        var command = AggregateQueryCompiler.Compile(Domain, plan);
        var keys = plan.GroupTypes;
        var values = plan.Aggregates.Select(a => a.Type).ToList();
        Func<NpgsqlDataReader, KeyValuePair<TKey, TValue>> map = reader => new KeyValuePair<TKey, TValue>(
            keys.Count == 0 ? default! : plan.CompositeKey ? Composite<TKey>(reader, 0, keys) : Key<TKey>(reader, keys[0], resource.Name),
            plan.CompositeValue ? Composite<TValue>(reader, keys.Count, values) : As<TValue>(reader, keys.Count, values[0]));
        return await _router.ReadAsync(resource, plan.Query.Lock, (Runner: _runner, Command: command, Resource: resource, Map: map),
            static (source, read, ct) => read.Runner.QueryAsync(source, read.Command, read.Resource, WriteKind.Read, read.Map, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A single group key; a nil one needs a key type that can hold it, or it would pass for a real 0.</summary>
    private static T Key<T>(NpgsqlDataReader reader, AttributeType type, string resource)
    {
        if (default(T) is not null && reader.IsDBNull(0))
        {
            throw AshlarException.From(new InvalidFilterReference(
                $"a group's key is nil (a missing related record or a nil attribute), which {typeof(T).Name} cannot hold; group by a nullable type, e.g. c => (long?)c.Author!.Id")
            { Resource = resource });
        }

        return As<T>(reader, 0, type);
    }

    /// <summary>
    /// A composite key or value: <typeparamref name="T"/>'s constructor (an anonymous type's, a record's) given the
    /// parts read from <paramref name="first"/> on, in order.
    /// </summary>
    private static T Composite<T>(NpgsqlDataReader reader, int first, IReadOnlyList<AttributeType> parts)
    {
        var values = new object?[parts.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ValueConverter.Read(reader, first + i, parts[i]);
        }

        return (T)Activator.CreateInstance(typeof(T), values)!;
    }

    /// <summary>Reads a column as <typeparamref name="T"/>: straight from Npgsql for the plain types, else through the converter.</summary>
    private static T As<T>(NpgsqlDataReader reader, int ordinal, AttributeType type)
    {
        if (typeof(T) == typeof(long) && type.Kind == TypeKind.Long && !reader.IsDBNull(ordinal))
        {
            return reader.GetFieldValue<T>(ordinal);
        }

        return ValueConverter.Read(reader, ordinal, type) switch
        {
            null => default!,
            T value => value,
            var other => (T)Convert.ChangeType(other, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture),
        };
    }
}
