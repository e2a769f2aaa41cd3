using Ashlar.Errors;

namespace Ashlar.Resources;

/// <summary>
/// Manual relationships in queries: refusing a code-loaded one wherever a query would need its SQL join.
/// </summary>
internal static class ManualJoins
{
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
