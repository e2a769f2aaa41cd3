using System.Linq.Expressions;
using Ashlar.Actions;
using Ashlar.DataLayer;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Changesets;

/// <summary>Turns declared and call-level atomic changes into the plans' <see cref="AtomicChange"/>s, with their constraint checks.</summary>
internal static class AtomicChanges
{
    private static readonly AttributeType Number = AttributeType.Of(TypeKind.Decimal, typeof(decimal));
    private static readonly AttributeType Count = AttributeType.Of(TypeKind.Integer, typeof(int));
    private static readonly AttributeType Boolean = AttributeType.Of(TypeKind.Boolean, typeof(bool));

    /// <summary>The plain input and the atomic changes of <paramref name="input"/> (none unless it is a <see cref="Changes{T}"/>).</summary>
    /// <exception cref="ArgumentException">The changes are for another resource.</exception>
    public static (object? Input, IReadOnlyList<KeyValuePair<string, LambdaExpression>> Atomics) Split(ResourceDefinition resource, object? input)
    {
        if (input is not IAtomicInput atomic)
        {
            return (input, []);
        }

        return atomic.ResourceType == resource.ClrType ? (atomic.Input, atomic.Atomics) : throw new ArgumentException(
            $"The changes are for {atomic.ResourceType.Name}, but the update is of {resource.Name}; use Changes<{resource.Name}>.", nameof(input));
    }

    /// <summary>
    /// Translates the atomic changes. A lambda with two parameters (an upsert's) reads the existing row through the
    /// first and the incoming row through the second.
    /// </summary>
    /// <exception cref="ArgumentException">An atomic change names an attribute that cannot be written, or one written twice.</exception>
    public static IReadOnlyList<AtomicChange> Build(
        IResourceLookup model, ResourceDefinition resource, IEnumerable<KeyValuePair<string, LambdaExpression>> atomics, IReadOnlyCollection<string> written)
    {
        var changes = new List<AtomicChange>();
        foreach (var (name, lambda) in atomics)
        {
            var attribute = resource.Attribute(name);
            var refusal = attribute switch
            {
                null => "is not an attribute",
                { PrimaryKey: true } or { Identity: true } or { GeneratedSql: not null } => "is part of the primary key or computed by the database",
                _ when attribute == resource.OptimisticLock => "is the optimistic-lock version, which every update increments itself",
                _ when attribute == resource.Multitenancy?.Attribute => "is the tenant column; a record stays in its tenant",
                _ when written.Contains(name) || changes.Any(c => c.Attribute == attribute) => "is also given a value by this update; give it one value",
                _ => null,
            };
            if (refusal is not null)
            {
                throw new ArgumentException($"The atomic change of {resource.Name}.{name} cannot be made: it {refusal}.", nameof(atomics));
            }

            var value = lambda.Parameters.Count == 2
                ? LambdaTranslator.TranslateRelationshipFilter(model, resource, resource, lambda)
                : LambdaTranslator.Translate(model, resource, lambda);
            changes.Add(new AtomicChange(attribute!, value) { Checks = Checks(attribute!, value) });
        }

        return changes;
    }

    /// <summary>
    /// The action's atomic validations as one change that writes the first primary-key column with itself, its checks
    /// raising when a condition does not hold (or is nil); none when the action declares none.
    /// </summary>
    public static IReadOnlyList<AtomicChange> Guards(IResourceLookup model, ResourceDefinition resource, ActionDefinition action)
    {
        if (action.AtomicValidations.Count == 0)
        {
            return [];
        }

        var key = resource.PrimaryKey[0];
        var checks = action.AtomicValidations
            .Select(v => new AtomicCheck(
                new NotExpr(new CallExpr(ExprFunction.Coalesce, [LambdaTranslator.Translate(model, resource, v.Condition), new ValueExpr(false, Boolean)])),
                v.Message)
            { Field = v.Field })
            .ToList();
        return [new AtomicChange(key, new RefExpr([], key)) { Checks = checks }];
    }

    /// <summary>The attribute's constraints as conditions that hold when <paramref name="value"/> breaks one.</summary>
    private static List<AtomicCheck> Checks(AttributeDefinition attribute, Expr value)
    {
        var checks = new List<AtomicCheck>();
        var length = new CallExpr(ExprFunction.Length, [value]);
        if (attribute.MaxLength is { } maxLength)
        {
            checks.Add(new(new BinaryExpr(BinaryOperator.GreaterThan, length, new ValueExpr(maxLength, Count)), Constraints.MaxLengthMessage(maxLength)));
        }

        if (attribute.MinLength is { } minLength)
        {
            checks.Add(new(new BinaryExpr(BinaryOperator.LessThan, length, new ValueExpr(minLength, Count)), Constraints.MinLengthMessage(minLength)));
        }

        if (attribute.Type.IsNumber && attribute.Min is { } min)
        {
            checks.Add(new(new BinaryExpr(BinaryOperator.LessThan, value, new ValueExpr(min, Number)), Constraints.MinMessage(min)));
        }

        if (attribute.Type.IsNumber && attribute.Max is { } max)
        {
            checks.Add(new(new BinaryExpr(BinaryOperator.GreaterThan, value, new ValueExpr(max, Number)), Constraints.MaxMessage(max)));
        }

        return checks;
    }
}
