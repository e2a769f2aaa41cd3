using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Ashlar.Types;

namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    /// <summary>Declares a value computed in the database: <c>r.Calculate(p =&gt; p.Total, p =&gt; p.Price * p.Quantity)</c>.</summary>
    /// <param name="property">The property holding the value, as a lambda written at the call.</param>
    /// <param name="expression">The value, translated to SQL.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>.</param>
    public ResourceBuilder<T> Calculate<TValue>(Func<T, TValue> property, Expression<Func<T, TValue>> expression,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var arguments = Expression.Parameter(typeof(CalculationArguments), "args");
        return Add<TValue>(propertyText, Expression.Lambda(expression.Body, expression.Parameters[0], arguments), null);
    }

    /// <summary>
    /// Declares a calculation with arguments: <c>r.Calculate(p =&gt; p.Boosted, (p, args) =&gt; p.Score * args.Get&lt;int&gt;("factor"), new { factor = 2 })</c>.
    /// Queries give other values with <c>LoadCalculation(p =&gt; p.Boosted, new { factor = 3 })</c>.
    /// </summary>
    /// <param name="property">The property holding the value, as a lambda written at the call.</param>
    /// <param name="expression">The value, translated to SQL.</param>
    /// <param name="defaults">The arguments' default values, as an anonymous object.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>.</param>
    public ResourceBuilder<T> Calculate<TValue>(Func<T, TValue> property, Expression<Func<T, CalculationArguments, TValue>> expression, object? defaults = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null) =>
        Add<TValue>(propertyText, expression, defaults);

    private ResourceBuilder<T> Add<TValue>(string? propertyText, LambdaExpression expression, object? defaults)
    {
        var info = Select(typeof(T), typeof(TValue), propertyText, "calculate");
        if (info is null)
        {
            return this;
        }

        var type = AttributeType.Infer(info.PropertyType);
        if (type is null)
        {
            Problem($"calculate {Naming.ToSnakeCase(info.Name)}", $"{info.PropertyType.Name} is not a type a calculation can have", "use a scalar, string or list property");
            return this;
        }

        Draft.Calculations.Add(new CalculationDefinition
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
