using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>Reads the property a declaration lambda such as <c>p =&gt; p.Title</c> points at.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class MemberNames
{
    /// <summary>The snake_case name of the property <paramref name="selector"/> points at (<c>p =&gt; p.InsertedAt</c> gives <c>inserted_at</c>).</summary>
    /// <exception cref="ArgumentException">The lambda does not point at a property.</exception>
    public static string Of(LambdaExpression selector) => Naming.ToSnakeCase(PropertyOf(selector).Name);

    /// <summary>The property <paramref name="selector"/> points at.</summary>
    /// <exception cref="ArgumentException">The lambda does not point at a property.</exception>
    internal static PropertyInfo PropertyOf(LambdaExpression selector)
    {
        var body = selector.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        if (body is MemberExpression { Member: PropertyInfo property } member && member.Expression == selector.Parameters[0])
        {
            return property;
        }

        throw new ArgumentException(
            $"'{selector}' must select a property of the resource directly, like p => p.Title.", nameof(selector));
    }

    /// <summary>Reads <c>p =&gt; p.A</c> or <c>p =&gt; new { p.A, p.B }</c> as a list of attribute names.</summary>
    internal static IReadOnlyList<string> ListOf(LambdaExpression selector)
    {
        if (selector.Body is NewExpression { Arguments: var arguments })
        {
            return arguments
                .Select(a => Of(Expression.Lambda(a, selector.Parameters)))
                .ToList();
        }

        return [Of(selector)];
    }
}
