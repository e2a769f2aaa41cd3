using System.Linq.Expressions;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Input;
using Ashlar.Expressions.Linq;
using Ashlar.Resources;

namespace Ashlar.Queries;

/// <summary>
/// The planning stage: turns a query (typed lambdas, untrusted input, loads) into the immutable plan a data layer runs,
/// translating every expression against the domain's model. Stateless apart from the model; thread-safe.
/// </summary>
internal sealed partial class QueryPlanner(IResourceLookup model, InputLimits limits)
{
    /// <summary>The plan of a read of <paramref name="resource"/>'s records.</summary>
    /// <exception cref="InvalidException">The query names an unknown field or a value of the wrong type.</exception>
    public ReadPlan Read(ResourceDefinition resource, IReadQuery query, string? tenant)
    {
        // Filters added in a loop are joined as a balanced tree; the usual one or two need no list.
        Expr? filter = null;
        var many = query.Filters.Count > ExprChain.ShortChain ? new List<Expr>(query.Filters.Count) : null;
        foreach (var spec in query.Filters)
        {
            var translated = spec.Lambda is not null
                ? LambdaTranslator.Translate(model, resource, spec.Lambda)
                : FilterInputParser.Parse(model, resource, spec.Input!.Value, limits);
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
                sort.AddRange(SortInputParser.Parse(model, resource, spec.Input, limits));
            }
            else
            {
                sort.Add(new SortKey(LambdaTranslator.Translate(model, resource, spec.Field!), spec.Descending) { NullsFirst = spec.NullsFirst });
            }
        }

        return new ReadPlan(resource)
        {
            Filter = filter,
            Sort = sort,
            Limit = query.LimitValue,
            Offset = query.OffsetValue,
            Loads = query.Loads.Count == 0 ? [] : query.Loads.Select(l => LoadOf(resource, l)).ToList(),
            Select = query.SelectFields.Count == 0 ? null : SelectOf(resource, query.SelectFields),
            Lock = query.LockValue,
            Calculations = query.CalculationFields.Count == 0 ? [] : query.CalculationFields.Select(c => CalculationOf(resource, c.Field, c.Arguments)).ToList(),
            Aggregates = query.AggregateFields.Count == 0 ? [] : query.AggregateFields.Select(f => AggregateOf(resource, f)).ToList(),
            Distinct = query.DistinctFields.Count == 0 ? [] : query.DistinctFields.Select(f => LambdaTranslator.Translate(model, resource, f)).ToList(),
            Tenant = tenant,
        };
    }

    private static List<AttributeDefinition> SelectOf(ResourceDefinition resource, IEnumerable<LambdaExpression> fields)
    {
        var names = fields.Select(MemberNames.Of).ToHashSet(StringComparer.Ordinal);
        return resource.Attributes.Where(a => a.PrimaryKey || names.Contains(a.Name)).ToList();
    }

    private static AggregateDefinition AggregateOf(ResourceDefinition resource, LambdaExpression field)
    {
        var property = MemberNames.PropertyOf(field);
        return resource.Aggregates.FirstOrDefault(a => a.Property == property)
            ?? throw AshlarException.From(new InvalidFilterReference($"{property.Name} is not an aggregate of {resource.Name}") { Resource = resource.Name });
    }

    private CalculationPlan CalculationOf(ResourceDefinition resource, LambdaExpression field, object? arguments)
    {
        var property = MemberNames.PropertyOf(field);
        var calculation = resource.Calculations.FirstOrDefault(c => c.Property == property)
            ?? throw AshlarException.From(new InvalidFilterReference($"{property.Name} is not a calculation of {resource.Name}") { Resource = resource.Name });
        var values = arguments is null ? null : Types.InputReader.Read(arguments).ToDictionary(StringComparer.Ordinal);
        return new CalculationPlan(calculation, LambdaTranslator.Translate(model, resource, calculation, values));
    }

    /// <summary>A load's plan; the data layer reads the related records in the tenant of the read that loads them.</summary>
    private LoadPlan LoadOf(ResourceDefinition resource, LoadSpec spec)
    {
        var relationship = resource.Relationships.FirstOrDefault(r => r.Property.Name == spec.Property)
            ?? throw AshlarException.From(new InvalidFilterReference($"{spec.Property} is not a relationship of {resource.Name}") { Resource = resource.Name });
        var destination = model.Resource(relationship.DestinationType);
        var query = spec.Query is null ? new ReadPlan(destination) : Read(destination, spec.Query, tenant: null);
        if (!relationship.HasSqlJoin && (query.Filter is not null || query.Sort.Count > 0 || query.Limit is not null || query.Offset is not null))
        {
            throw AshlarException.From(new InvalidFilterReference(
                $"{ManualJoins.NoSqlJoin(resource, relationship)}; a load of it cannot filter, sort or page its records (the loader returns them): load it without them")
            { Resource = resource.Name });
        }

        return new LoadPlan(relationship, query);
    }
}
