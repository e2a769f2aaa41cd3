using Ashlar.Actions;
using Ashlar.DataLayer;
using Ashlar.Diagnostics;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Input;
using Ashlar.Expressions.Linq;
using Ashlar.Queries;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>Reads the records a query selects.</summary>
    /// <exception cref="InvalidException">The query names an unknown field or a value of the wrong type.</exception>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(Query<T> query, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = Model.Resource<T>();
        var action = RequireAction(resource, ActionKind.Read, query.ActionName);
        using var activity = AshlarActivitySource.StartAction(resource.Name, action.Name, tenant);
        var plan = Plan(resource, query) with { Tenant = tenant };
        return await DataLayer.ReadAsync<T>(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the record with this primary key, or returns null when there is none.</summary>
    /// <param name="key">The key's value, or for a composite key an anonymous object / dictionary of its attributes.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<T?> FindAsync<T>(object key, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var resource = Model.Resource<T>();
        var plan = new ReadPlan(resource) { Filter = KeyFilter(resource, key), Limit = 1, Tenant = tenant };
        var found = await DataLayer.ReadAsync<T>(plan, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Reads the record with this primary key.</summary>
    /// <exception cref="InvalidException">No record has this key (<see cref="NotFound"/>), or the key is of the wrong type.</exception>
    public async Task<T> GetAsync<T>(object key, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class =>
        await FindAsync<T>(key, tenant, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidException([new NotFound($"no record has the key {key}") { Resource = typeof(T).Name }]);

    internal ReadPlan Plan<T>(ResourceDefinition resource, Query<T> query)
        where T : class
    {
        // Filters added in a loop are joined as a balanced tree; the usual one or two need no list.
        Expr? filter = null;
        var many = query.Filters.Count > ExprChain.ShortChain ? new List<Expr>(query.Filters.Count) : null;
        foreach (var spec in query.Filters)
        {
            var translated = spec.Lambda is not null
                ? LambdaTranslator.Translate(Model, resource, spec.Lambda)
                : FilterInputParser.Parse(Model, resource, spec.Input!.Value, Model.InputLimits);
            if (translated is null)
            {
                continue;
            }

            if (many is not null)
            {
                many.Add(translated);
            }
            else
            {
                filter = filter is null ? translated : new BinaryExpr(BinaryOperator.And, filter, translated);
            }
        }

        filter = many is null ? filter : ExprChain.Join(BinaryOperator.And, many);

        var sort = new List<SortKey>();
        foreach (var spec in query.Sorts)
        {
            if (spec.Input is not null)
            {
                sort.AddRange(SortInputParser.Parse(Model, resource, spec.Input, Model.InputLimits));
            }
            else
            {
                sort.Add(new SortKey(LambdaTranslator.Translate(Model, resource, spec.Field!), spec.Descending) { NullsFirst = spec.NullsFirst });
            }
        }

        return new ReadPlan(resource)
        {
            Filter = filter,
            Sort = sort,
            Limit = query.LimitValue,
            Offset = query.OffsetValue,
            Loads = query.Loads.Select(l => LoadOf(resource, l)).ToList(),
            Select = query.SelectFields.Count == 0 ? null : SelectOf(resource, query.SelectFields),
            Lock = query.LockValue,
            Calculations = query.CalculationFields.Select(c => CalculationOf(resource, c.Field, c.Arguments)).ToList(),
            Aggregates = query.AggregateFields.Select(f => AggregateOf(resource, f)).ToList(),
            Distinct = query.DistinctFields.Select(f => LambdaTranslator.Translate(Model, resource, f)).ToList(),
        };
    }

    private static List<AttributeDefinition> SelectOf(ResourceDefinition resource, IEnumerable<System.Linq.Expressions.LambdaExpression> fields)
    {
        var names = fields.Select(MemberNames.Of).ToHashSet(StringComparer.Ordinal);
        return resource.Attributes.Where(a => a.PrimaryKey || names.Contains(a.Name)).ToList();
    }

    private static AggregateDefinition AggregateOf(ResourceDefinition resource, System.Linq.Expressions.LambdaExpression field)
    {
        var property = MemberNames.PropertyOf(field);
        return resource.Aggregates.FirstOrDefault(a => a.Property == property)
            ?? throw AshlarException.From(new InvalidFilterReference($"{property.Name} is not an aggregate of {resource.Name}") { Resource = resource.Name });
    }

    private CalculationPlan CalculationOf(ResourceDefinition resource, System.Linq.Expressions.LambdaExpression field, object? arguments)
    {
        var property = MemberNames.PropertyOf(field);
        var calculation = resource.Calculations.FirstOrDefault(c => c.Property == property)
            ?? throw AshlarException.From(new InvalidFilterReference($"{property.Name} is not a calculation of {resource.Name}") { Resource = resource.Name });
        var values = arguments is null ? null : Changesets.InputReader.Read(arguments).ToDictionary(StringComparer.Ordinal);
        return new CalculationPlan(calculation, LambdaTranslator.Translate(Model, resource, calculation, values));
    }

    private LoadPlan LoadOf(ResourceDefinition resource, LoadSpec spec)
    {
        var relationship = resource.Relationships.FirstOrDefault(r => r.Property.Name == spec.Property)
            ?? throw AshlarException.From(new InvalidFilterReference($"{spec.Property} is not a relationship of {resource.Name}") { Resource = resource.Name });
        var destination = Model.Resource(relationship.DestinationType);
        return new LoadPlan(relationship, spec.Plan?.Invoke(this, destination) ?? new ReadPlan(destination));
    }

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

        var values = Changesets.InputReader.Read(key);

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
