using System.Linq.Expressions;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;

namespace Ashlar.Resources;

/// <summary>
/// Manual relationships in queries: translating a SQL-joinable one's join condition when the domain is built, and
/// refusing a code-loaded one wherever a query would need its SQL join.
/// </summary>
internal static class ManualJoins
{
    /// <summary>
    /// Translates <paramref name="join"/>, written <c>(source, destination) =&gt; …</c>, into a condition over the
    /// destination whose source references are <see cref="ParentExpr"/>; a refused lambda becomes a declaration problem.
    /// </summary>
    public static Expr? Translate(
        DomainModel model, ResourceDefinition source, ResourceDefinition destination, RelationshipDefinition relationship,
        LambdaExpression join, string option, List<DeclarationProblem> problems)
    {
        // The relationship-filter translator reads (destination, source): the same body with the parameters swapped.
        var swapped = Expression.Lambda(join.Body, join.Parameters[1], join.Parameters[0]);
        var condition = DeclarationTranslator.Translate(problems, source, option, join,
            () => LambdaTranslator.TranslateRelationshipFilter(model, source, destination, swapped));
        if (condition is not null && relationship.IsToOne && ExprWalker.ParentReferences(condition).Any(path => path.Count > 0))
        {
            problems.Add(new DeclarationProblem(source.Name, option,
                $"its join condition {join} reads a relationship of {source.Name}, which a to-one manual relationship cannot join through",
                $"compare {source.Name}'s own attributes in the join condition (or declare it with HasManyManual)"));
            return null;
        }

        return condition;
    }

    /// <summary>Why a code-loaded relationship cannot be used in a query.</summary>
    public static string NoSqlJoin(ResourceDefinition resource, RelationshipDefinition relationship) =>
        $"{resource.Name}.{relationship.Name} is a manual relationship loaded by code ({relationship.Loader?.LoaderType.Name}); it has no SQL join, " +
        "so it cannot be used in a filter, sort or aggregate";

    /// <summary>Throws the typed error for a query that uses a code-loaded relationship where SQL must join it.</summary>
    /// <exception cref="InvalidException">The relationship has no SQL join.</exception>
    public static void RequireSqlJoin(ResourceDefinition resource, RelationshipDefinition relationship, ResourceDefinition root)
    {
        if (!relationship.HasSqlJoin)
        {
            throw AshlarException.From(new InvalidFilterReference(NoSqlJoin(resource, relationship) + "; load it with Load(...) instead")
            { Resource = root.Name });
        }
    }
}
