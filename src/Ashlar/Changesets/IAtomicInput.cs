using System.Linq.Expressions;

namespace Ashlar.Changesets;

/// <summary>An input carrying atomic changes besides its plain values (<see cref="Changes{T}"/>).</summary>
internal interface IAtomicInput
{
    Type ResourceType { get; }

    object? Input { get; }

    IReadOnlyList<KeyValuePair<string, LambdaExpression>> Atomics { get; }
}
