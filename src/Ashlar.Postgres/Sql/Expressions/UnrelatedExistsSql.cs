using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>
/// <c>Fn.Exists&lt;TResource&gt;(r =&gt; …)</c> as <c>EXISTS (SELECT 1 FROM other AS tN WHERE …)</c>: the other resource is a
/// child level with no correlation of its own, so only the condition (through <see cref="ParentExpr"/>) ties it to
/// the enclosing row. The other resource must live in the same repo, since one statement reaches one database.
/// </summary>
internal static class UnrelatedExistsSql
{
    public static void Write(ExprWriter writer, UnrelatedExistsExpr exists)
    {
        var sql = writer.Sql;
        var scope = writer.Scope;
        CheckSameRepo(scope.Resource, exists.Resource);
        var child = scope.Child(exists.Resource);
        sql.Append("EXISTS (SELECT 1 FROM ").Append(TableNames.From(exists.Resource, scope.Context)).Append(" AS ").Identifier(child.Alias);
        child.WriteJoins(sql, RelationshipFilterPaths.Joins(exists.Condition));
        if (exists.Condition is not null)
        {
            sql.Append(" WHERE ");
            new ExprWriter(sql, child).Write(exists.Condition);
        }

        sql.Append(')');
    }

    private static void CheckSameRepo(ResourceDefinition reading, ResourceDefinition other)
    {
        var otherRepo = other.Extension<PostgresOptions>()?.RepoType;
        if (otherRepo is null || !Repos.RepoBoundary.SameDatabases(reading, other))
        {
            throw AshlarException.From(new InvalidFilterReference(otherRepo is null
                ? $"Fn.Exists<{other.ClrType.Name}>(...) searches {other.Name}, which has no Postgres section; declare r.Postgres(pg => pg.Table(...)) on it, in the repo of {reading.Name}"
                : $"Fn.Exists<{other.ClrType.Name}>(...) searches {Repos.RepoBoundary.Describe(other)}, but reads {Repos.RepoBoundary.Describe(reading)}; one statement reaches one database, so read {other.Name} separately or give it the Repo and ReadRepo of {reading.Name}")
            { Resource = reading.Name });
        }
    }
}
