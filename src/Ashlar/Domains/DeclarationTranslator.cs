using System.Linq.Expressions;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Domains;

/// <summary>
/// Translates the lambdas declared for relationships (filter, sort) and aggregates (filter) into expressions once
/// every definition of the domain exists, and attaches them to the definitions: data layers read them from there,
/// and a declaration the translator refuses fails the build, not the first query.
/// </summary>
internal static class DeclarationTranslator
{
    public static void Translate(DomainModel model, IReadOnlyList<IResourceDraft> drafts, List<DeclarationProblem> problems)
    {
        foreach (var draft in drafts)
        {
            var resource = model.Resource(draft.ClrType);
            foreach (var relationship in resource.Relationships)
            {
                var declared = draft.Relationships.First(r => r.Name == relationship.Name);
                var option = $"{Naming.ToSnakeCase(relationship.Kind.ToString())} {relationship.Name}";
                var destination = model.Resource(relationship.DestinationType);
                var filter = declared.Filter is null
                    ? null
                    : Translate(problems, resource, option, declared.Filter, () => LambdaTranslator.TranslateRelationshipFilter(model, resource, destination, declared.Filter));
                var join = declared.Join is null ? null : ManualJoinTranslator.Translate(model, resource, destination, relationship, declared.Join, option, problems);
                var sort = new List<SortKey>();
                foreach (var (field, descending) in declared.Sort)
                {
                    if (Translate(problems, resource, option, field, () => LambdaTranslator.Translate(model, destination, field)) is { } key)
                    {
                        sort.Add(new SortKey(key, descending));
                    }
                }

                var completed = relationship.Limit is null ? sort : CompletedByPrimaryKey(destination, sort);
                if (join is not null)
                {
                    relationship.AttachJoin(join, completed);
                }
                else
                {
                    relationship.AttachTranslation(filter, completed);
                }
            }

            foreach (var aggregate in resource.Aggregates)
            {
                var declared = draft.Aggregates.First(a => a.Property == aggregate.Property).Filter;
                var option = $"{Naming.ToSnakeCase(aggregate.Kind.ToString())} {aggregate.Name}";
                if (!aggregate.Relationship.HasSqlJoin)
                {
                    problems.Add(new DeclarationProblem(resource.Name, option, ManualJoins.NoSqlJoin(resource, aggregate.Relationship),
                        "aggregate over a relationship SQL can join (declare the manual relationship with a join condition), or compute the value in the loader"));
                    continue;
                }

                var destination = model.Resource(aggregate.Relationship.DestinationType);
                aggregate.AttachTranslation(declared is null
                    ? null
                    : Translate(problems, resource, option, declared, () => LambdaTranslator.Translate(model, destination, declared)));
            }
        }
    }

    /// <summary>A limited relationship's sort, completed with the destination's primary key so the rows kept at the limit are the same across ties.</summary>
    private static List<SortKey> CompletedByPrimaryKey(ResourceDefinition destination, List<SortKey> sort)
    {
        sort.AddRange(destination.PrimaryKey
            .Where(key => !sort.Any(s => s.Expression is RefExpr { Path.Count: 0 } reference && reference.Attribute == key))
            .Select(key => new SortKey(new RefExpr([], key), false))
            .ToList());
        return sort;
    }

    internal static Expr? Translate(List<DeclarationProblem> problems, ResourceDefinition resource, string option, LambdaExpression lambda, Func<Expr> translate)
    {
        try
        {
            return translate();
        }
        catch (AshlarException e)
        {
            problems.Add(new DeclarationProblem(resource.Name, option,
                $"{lambda} cannot be translated: {string.Join("; ", e.Errors.Select(error => error.Message))}",
                "write it with the destination's attributes, relationships, aggregates, captured values and Fn functions, as a query filter"));
            return null;
        }
    }
}
