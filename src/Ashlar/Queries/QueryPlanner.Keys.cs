using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Queries;

internal sealed partial class QueryPlanner
{
    /// <summary>The plan of a read of the record with this primary key (at most one).</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="key">The key's value, or for a composite key an anonymous object / dictionary of its attributes.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <exception cref="InvalidException">The key is of the wrong type or lacks an attribute.</exception>
    public static ReadPlan Find(ResourceDefinition resource, object key, string? tenant) =>
        new(resource) { Filter = KeyFilter(resource, key), Limit = 1, Tenant = tenant };

    private static Expr KeyFilter(ResourceDefinition resource, object key)
    {
        if (IsScalarKey(resource, key))
        {
            // The common case, kept lean: one attribute, one value.
            var attribute = resource.PrimaryKey[0];
            return ValueCaster.TryCast(attribute.Type, key, out var value, out var error) && value is not null
                ? new BinaryExpr(BinaryOperator.Equal, new RefExpr([], attribute), new ValueExpr(value, attribute.Type))
                : throw new InvalidException([new InvalidFilterValue(error ?? "is required in the key") { Resource = resource.Name, Field = attribute.Name }]);
        }

        var values = Types.InputReader.Read(key);

        Expr? filter = null;
        var errors = new List<AshlarError>();
        foreach (var attribute in resource.PrimaryKey)
        {
            var raw = values.FirstOrDefault(v => v.Key == attribute.Name || Naming.ToSnakeCase(v.Key) == attribute.Name);
            string? error = "the key needs a value for it";
            object? value = null;
            if (raw.Key is null || !ValueCaster.TryCast(attribute.Type, raw.Value, out value, out error) || value is null)
            {
                errors.Add(new InvalidFilterValue(error ?? "is required in the key")
                {
                    Resource = resource.Name,
                    Field = attribute.Name,
                });
                continue;
            }

            Expr equals = new BinaryExpr(BinaryOperator.Equal, new RefExpr([], attribute), new ValueExpr(value, attribute.Type));
            filter = filter is null ? equals : new BinaryExpr(BinaryOperator.And, filter, equals);
        }

        return errors.Count > 0 ? throw new InvalidException(errors) : filter!;
    }

    /// <summary>
    /// Whether <paramref name="key"/> is the value of a single-attribute key (a number, text, Guid, date… or an
    /// instance of the key's type) rather than an object naming the key's attributes (anonymous, dictionary, JSON).
    /// </summary>
    private static bool IsScalarKey(ResourceDefinition resource, object key) =>
        resource.PrimaryKey.Count == 1 &&
        (resource.PrimaryKey[0].Type.ClrType.IsInstanceOfType(key) || key is IConvertible or Guid or DateTimeOffset or DateOnly or TimeOnly ||
         key is System.Text.Json.JsonElement { ValueKind: not System.Text.Json.JsonValueKind.Object });
}
