using System.Linq.Expressions;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Resources;

namespace Ashlar.Domains;

/// <summary>Translates a SQL-joinable manual relationship's join condition when the domain is built.</summary>
internal static class ManualJoinTranslator
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
}
