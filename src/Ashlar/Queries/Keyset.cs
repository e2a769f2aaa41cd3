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
/// values of a page's last record; the next page is the records strictly after them, honouring direction and nils.
/// </summary>
internal static class Keyset
{
    private static readonly AttributeType Boolean = AttributeType.Of(TypeKind.Boolean, typeof(bool));

    /// <summary>The plan's sort plus any primary-key attributes it lacks, ascending.</summary>
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

        foreach (var key in keys.Where(k => k.Expression is not RefExpr { Path.Count: 0 }))
        {
            throw AshlarException.From(new InvalidFilterReference(
                $"keyset pagination can only sort by attributes of {resource.Name} itself, not by {key.Expression}")
            { Resource = resource.Name });
        }

        return keys;
    }

    public static string Cursor(ResourceDefinition resource, IReadOnlyList<SortKey> sort, object record)
    {
        var values = sort.Select(k => resource.GetValue(record, ((RefExpr)k.Expression).Attribute.Name)).ToArray();
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(values));
    }

    /// <summary>The condition "after the cursor" for a total sort.</summary>
    public static Expr After(ResourceDefinition resource, IReadOnlyList<SortKey> sort, string cursor)
    {
        var values = Decode(resource, sort, cursor);
        Expr? result = null;
        for (var i = sort.Count - 1; i >= 0; i--)
        {
            var key = (RefExpr)sort[i].Expression;
            var greater = Greater(key, sort[i], values[i]);
            result = result is null
                ? greater
                : new BinaryExpr(BinaryOperator.Or, greater, new BinaryExpr(BinaryOperator.And, EqualTo(key, values[i]), result));
        }

        return result!;
    }

    private static Expr Greater(RefExpr key, SortKey sort, object? value)
    {
        var nullsFirst = sort.NullsFirst ?? sort.Descending;
        if (value is null)
        {
            return nullsFirst ? new NotExpr(new IsNullExpr(key)) : new ValueExpr(false, Boolean);
        }

        Expr compare = new BinaryExpr(sort.Descending ? BinaryOperator.LessThan : BinaryOperator.GreaterThan, key, new ValueExpr(value, key.Attribute.Type));
        return nullsFirst ? compare : new BinaryExpr(BinaryOperator.Or, compare, new IsNullExpr(key));
    }

    private static Expr EqualTo(RefExpr key, object? value) =>
        value is null ? new IsNullExpr(key) : new BinaryExpr(BinaryOperator.Equal, key, new ValueExpr(value, key.Attribute.Type));

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
                    ok = ValueCaster.TryCast(((RefExpr)sort[i].Expression).Attribute.Type, elements[i], out values[i], out _);
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
