namespace Ashlar.Resources;

/// <summary>
/// The arguments of an expression calculation, read in its lambda: <c>(p, args) =&gt; p.Score * args.Get&lt;int&gt;("factor")</c>.
/// Only describes the calculation; the values come from the query (or the declared defaults).
/// </summary>
public sealed class CalculationArguments
{
    private CalculationArguments()
    {
    }

    /// <summary>The value of the argument called <paramref name="name"/>.</summary>
#pragma warning disable CA1822 // an instance method, so it reads as args.Get<int>("x") in the lambda
    public TArgument Get<TArgument>(string name) =>
        throw new InvalidOperationException($"Calculation arguments only describe queries; '{name}' has no value outside one.");
#pragma warning restore CA1822
}
