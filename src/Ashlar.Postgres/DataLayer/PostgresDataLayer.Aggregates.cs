using System.Globalization;
using Ashlar.DataLayer;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Sql;
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
        var grouped = plan.GroupBy is not null;
        var keyType = plan.GroupType;
        var valueOrdinal = grouped ? 1 : 0;
        return await _runner.QueryAsync(SourceFor(resource), command, resource, WriteKind.Read,
            reader => new KeyValuePair<TKey, TValue>(
                grouped ? As<TKey>(reader, 0, keyType!) : default!,
                As<TValue>(reader, valueOrdinal, plan.Type)),
            cancellationToken).ConfigureAwait(false);
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
