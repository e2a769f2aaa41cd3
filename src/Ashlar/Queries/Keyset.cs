using System.Text;
using System.Text.Json;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Queries;

/// <summary>
/// Keyset (cursor) pagination: the sort is completed with the primary key so it is total; a cursor holds the sort
/// values of a page's last record — attributes, related fields, aggregates, calculations or expressions alike, as the
/// data layer computed them (<see cref="ReadResult{T}"/>); the next page is the records strictly after them,
/// honouring direction and nils.
/// </summary>
internal static class Keyset
{
    private static readonly AttributeType Boolean = AttributeType.Of(TypeKind.Boolean, typeof(bool));

    /// <summary>Cursor values as JSON; PostgreSQL floats may be NaN or ±Infinity, written as "NaN", "Infinity".</summary>
    private static readonly JsonSerializerOptions CursorJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The plan's sort plus any primary-key attributes it lacks, ascending.</summary>
    /// <exception cref="InvalidException">A sort key's type cannot be told, so its cursor value could not be read back.</exception>
    public static List<SortKey> TotalSort(ResourceDefinition resource, IReadOnlyList<SortKey> sort)
    {
        var keys = sort.ToList();
        foreach (var attribute in resource.PrimaryKey)
        {
            if (!keys.Any(k => k.Expression is RefExpr { Path.Count: 0 } r && r.Attribute == attribute))
            {
                keys.Add(new SortKey(new RefExpr([], attribute), false));
            }
        }

        foreach (var key in keys.Where(k => TypeOf(k) is null))
        {
            throw AshlarException.From(new InvalidFilterReference(
                $"keyset pagination needs the type of every sort key, and {key.Expression} has none that can be told; cast it (Fn.Cast<T>) or use offset pagination")
            { Resource = resource.Name });
        }

        return keys;
    }

    /// <summary>The cursor after the record at <paramref name="index"/> of <paramref name="read"/>: its sort values as the data layer returned them.</summary>
    /// <exception cref="FrameworkException">The data layer returned no sort values for that record.</exception>
    public static string Cursor<T>(ResourceDefinition resource, IReadOnlyList<SortKey> sort, ReadResult<T> read, int index)
    {
        if (index >= read.SortValues.Count || read.SortValues[index].Count < sort.Count)
        {
            throw AshlarException.From(new UnsupportedFeature($"the data layer did not return the sort values of {resource.Name} records, which keyset pages need")
            {
                Resource = resource.Name,
            });
        }

        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(read.SortValues[index].Take(sort.Count).ToArray(), CursorJson));
    }

    /// <summary>The condition "after the cursor" for a total sort.</summary>
    public static Expr After(ResourceDefinition resource, IReadOnlyList<SortKey> sort, string cursor)
    {
        var values = Decode(resource, sort, cursor);
        Expr? result = null;
        for (var i = sort.Count - 1; i >= 0; i--)
        {
            var greater = Greater(sort[i], values[i]);
            result = result is null
                ? greater
                : new BinaryExpr(BinaryOperator.Or, greater, new BinaryExpr(BinaryOperator.And, EqualTo(sort[i], values[i]), result));
        }

        return result!;
    }

    private static AttributeType? TypeOf(SortKey key) => ExprTypes.Of(key.Expression);

    private static Expr Greater(SortKey sort, object? value)
    {
        var key = sort.Expression;
        var nullsFirst = sort.NullsFirst ?? sort.Descending;
        if (value is null)
        {
            return nullsFirst ? new NotExpr(new IsNullExpr(key)) : new ValueExpr(false, Boolean);
        }

        Expr compare = new BinaryExpr(sort.Descending ? BinaryOperator.LessThan : BinaryOperator.GreaterThan, key, new ValueExpr(value, TypeOf(sort)!));
        return nullsFirst ? compare : new BinaryExpr(BinaryOperator.Or, compare, new IsNullExpr(key));
    }

    private static Expr EqualTo(SortKey sort, object? value) =>
        value is null ? new IsNullExpr(sort.Expression) : new BinaryExpr(BinaryOperator.Equal, sort.Expression, new ValueExpr(value, TypeOf(sort)!));

    private static object?[] Decode(ResourceDefinition resource, IReadOnlyList<SortKey> sort, string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var elements = document.RootElement.EnumerateArray().ToList();
            if (elements.Count == sort.Count)
            {
                var values = new object?[sort.Count];
                var ok = true;
                for (var i = 0; i < sort.Count && ok; i++)
                {
                    ok = ValueCaster.TryCast(TypeOf(sort[i])!, elements[i], out values[i], out _);
                }

                if (ok)
                {
                    return values;
                }
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or DecoderFallbackException)
        {
        }

        throw AshlarException.From(new InvalidFilterValue("the cursor is not one this query produced") { Resource = resource.Name, Field = "after" });
    }
}
