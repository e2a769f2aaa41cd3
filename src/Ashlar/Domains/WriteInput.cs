using System.Linq.Expressions;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Domains;

/// <summary>The named values a write builder collects: attributes by their property, arguments by name, each once.</summary>
internal sealed class WriteInput
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object?> Values => _values;

    public void Attribute(LambdaExpression attribute, object? value) =>
        Add(Naming.ToSnakeCase(MemberNames.PropertyOf(attribute).Name), value, nameof(attribute));

    public void Argument(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Add(name, value, nameof(name));
    }

    private void Add(string name, object? value, string parameter)
    {
        if (!_values.TryAdd(name, value))
        {
            throw new ArgumentException($"{name} is given twice; give each attribute or argument once", parameter);
        }
    }
}
