using System.Linq.Expressions;
using Ashlar.Types;

namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    private readonly List<CalculationDefinition> _calculations = [];

    IReadOnlyList<CalculationDefinition> IResourceDraft.Calculations => _calculations;

    /// <summary>Declares a value computed in the database: <c>r.Calculate(p =&gt; p.Total, p =&gt; p.Price * p.Quantity)</c>.</summary>
    public ResourceBuilder<T> Calculate<TValue>(Expression<Func<T, TValue>> property, Expression<Func<T, TValue>> expression)
    {
        var arguments = Expression.Parameter(typeof(CalculationArguments), "args");
        return Add(property, Expression.Lambda(expression.Body, expression.Parameters[0], arguments), null);
    }

    /// <summary>
    /// Declares a calculation with arguments: <c>r.Calculate(p =&gt; p.Boosted, (p, args) =&gt; p.Score * args.Get&lt;int&gt;("factor"), new { factor = 2 })</c>.
    /// Queries give other values with <c>LoadCalculation(p =&gt; p.Boosted, new { factor = 3 })</c>.
    /// </summary>
    public ResourceBuilder<T> Calculate<TValue>(Expression<Func<T, TValue>> property, Expression<Func<T, CalculationArguments, TValue>> expression, object? defaults = null) =>
        Add(property, expression, defaults);

    private ResourceBuilder<T> Add(LambdaExpression property, LambdaExpression expression, object? defaults)
    {
        var info = MemberNames.PropertyOf(property);
        var type = AttributeType.Infer(info.PropertyType);
        if (type is null)
        {
            Problem($"calculate {Naming.ToSnakeCase(info.Name)}", $"{info.PropertyType.Name} is not a type a calculation can have", "use a scalar, string or list property");
            return this;
        }

        _calculations.Add(new CalculationDefinition
        {
            Name = Naming.ToSnakeCase(info.Name),
            Property = info,
            Type = type,
            Expression = expression,
            Defaults = Types.InputReader.Read(defaults).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        });
        return this;
    }
}
