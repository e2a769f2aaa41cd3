using System.Collections.Concurrent;
using System.Linq.Expressions;
using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Ashlar.Types;
using Npgsql;

namespace Ashlar.Postgres.Rows;

/// <summary>
/// Compiled, typed record builders: one delegate per resource and column list that creates the record and sets each
/// property straight from <c>GetFieldValue&lt;T&gt;</c>, without boxing, for the common column types.
/// </summary>
internal static class Materializer
{
    private static readonly ConcurrentDictionary<Type, Func<NpgsqlDataReader, int, object>> AllColumns = new();
    private static readonly ConcurrentDictionary<string, Func<NpgsqlDataReader, int, object>> Selected = new(StringComparer.Ordinal);

    public static Func<NpgsqlDataReader, int, object> For(ResourceDefinition resource, IReadOnlyList<AttributeDefinition> columns)
    {
        // Every read without a Select has all the attributes: keyed by type, the lookup builds no string. The
        // factories are static (their state is an argument), so a hit allocates no closure.
        if (ReferenceEquals(columns, resource.Attributes))
        {
            return AllColumns.GetOrAdd(resource.ClrType, static (_, read) => Compile(read.Resource, read.Columns), (Resource: resource, Columns: columns));
        }

        var key = resource.ClrType.FullName + ":" + string.Join(",", columns.Select(c => c.Name));
        return Selected.GetOrAdd(key, static (_, read) => Compile(read.Resource, read.Columns), (Resource: resource, Columns: columns));
    }

    private static Func<NpgsqlDataReader, int, object> Compile(ResourceDefinition resource, IReadOnlyList<AttributeDefinition> columns)
    {
        var reader = Expression.Parameter(typeof(NpgsqlDataReader), "reader");
        var offset = Expression.Parameter(typeof(int), "offset");
        var record = Expression.Variable(resource.ClrType, "record");
        var body = new List<Expression> { Expression.Assign(record, Expression.New(resource.ClrType)) };
        for (var i = 0; i < columns.Count; i++)
        {
            var property = columns[i].Property;
            if (property.SetMethod is null)
            {
                continue;
            }

            var ordinal = Expression.Add(offset, Expression.Constant(i));
            body.Add(Expression.Call(record, property.SetMethod, Value(reader, ordinal, columns[i].Type, property.PropertyType)));
        }

        body.Add(Expression.Convert(record, typeof(object)));
        return Expression.Lambda<Func<NpgsqlDataReader, int, object>>(Expression.Block([record], body), reader, offset).Compile();
    }

    private static Expression Value(ParameterExpression reader, Expression ordinal, AttributeType type, Type propertyType)
    {
        if (IsDirect(type))
        {
            var read = Expression.Call(reader, nameof(NpgsqlDataReader.GetFieldValue), [type.ClrType], ordinal);
            var isNull = Expression.Call(reader, nameof(NpgsqlDataReader.IsDBNull), null, ordinal);
            return Expression.Condition(isNull, Expression.Default(propertyType), Expression.Convert(read, propertyType));
        }

        // Enums, JSON, arrays and dates go through the shared converter.
        var boxed = Expression.Call(typeof(ValueConverter), nameof(ValueConverter.Read), null, reader, ordinal, Expression.Constant(type));
        return Expression.Convert(boxed, propertyType);
    }

    /// <summary>Whether Npgsql reads the type's CLR type directly (<c>GetFieldValue&lt;T&gt;</c>), without the converter.</summary>
    public static bool IsDirect(AttributeType type) => type.Kind switch
    {
        TypeKind.String or TypeKind.CiString or TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.Decimal or
        TypeKind.Double or TypeKind.Boolean or TypeKind.Uuid or TypeKind.Binary => true,
        TypeKind.UtcDateTime => type.ClrType == typeof(DateTimeOffset),
        _ => false,
    };
}
