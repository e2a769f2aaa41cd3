using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using Ashlar.Errors;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>Reads the property a declaration lambda such as <c>p =&gt; p.Title</c> points at.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class MemberNames
{
    /// <summary>The snake_case name of the property <paramref name="selector"/> points at (<c>p =&gt; p.InsertedAt</c> gives <c>inserted_at</c>).</summary>
    /// <exception cref="ArgumentException">The lambda does not point at a property.</exception>
    public static string Of(LambdaExpression selector) => Naming.ToSnakeCase(PropertyOf(selector).Name);

    /// <summary>
    /// The snake_case name of the property a declaration lambda selects, read from its source text (a
    /// <c>[CallerArgumentExpression]</c> parameter), e.g. <c>x =&gt; x.InsertedAt</c> gives <c>inserted_at</c>.
    /// </summary>
    /// <param name="resource">The type the lambda's parameter has.</param>
    /// <param name="valueType">The lambda's result type, checked against the property's type.</param>
    /// <param name="selectorText">The lambda's source text.</param>
    /// <param name="option">The declaration, for the problem (e.g. <c>Reference</c>).</param>
    /// <param name="problem">Why the text names no property of <paramref name="resource"/>, when it does not.</param>
    /// <returns>The name, or null with <paramref name="problem"/>.</returns>
    public static string? FromText(Type resource, Type valueType, string? selectorText, string option, out DeclarationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(valueType);
        var property = MemberSelectorText.Select(resource, valueType, selectorText, out var text, out var fix);
        problem = property is null ? new DeclarationProblem(resource.Name, option, text, fix) : null;
        return property is null ? null : Naming.ToSnakeCase(property.Name);
    }

    /// <summary>
    /// The snake_case names of the properties a declaration lambda lists, read from its source text:
    /// <c>x =&gt; x.Email</c> or <c>x =&gt; new { x.OrgId, x.Email }</c>.
    /// </summary>
    /// <param name="resource">The type the lambda's parameter has.</param>
    /// <param name="selectorText">The lambda's source text.</param>
    /// <param name="option">The declaration, for the problem (e.g. <c>Index</c>).</param>
    /// <param name="problem">Why the text names no properties of <paramref name="resource"/>, when it does not.</param>
    /// <returns>The names, or null with <paramref name="problem"/>.</returns>
    public static IReadOnlyList<string>? ListFromText(Type resource, string? selectorText, string option, out DeclarationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var properties = MemberSelectorText.SelectList(resource, selectorText, out var text, out var fix);
        problem = properties is null ? new DeclarationProblem(resource.Name, option, text, fix) : null;
        return properties?.ConvertAll(p => Naming.ToSnakeCase(p.Name));
    }

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
