using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Scopes;

/// <summary>
/// The FROM part of a subquery over a relationship's destination (through the join table for many-to-many), and
/// the column that holds the source's key there.
/// </summary>
internal static class RelatedFrom
{
    /// <summary>Writes <c> FROM dest AS alias</c> for an existing level, with the join table for many-to-many.</summary>
    public static void WriteFrom(SqlBuilder sql, SqlScope child, RelationshipDefinition relationship)
    {
        var context = child.Context;
        if (child.Parent is { } source)
        {
            Repos.RepoBoundary.EnsureSameDatabases(source.Resource, child.Resource, relationship.Name);
        }

        sql.Append(" FROM ").Append(TableNames.From(child.Resource, context)).Append(" AS ").Identifier(child.Alias);
        if (relationship.ThroughType is { } throughType)
        {
            Repos.RepoBoundary.EnsureSameDatabases(child.Resource, context.Domain.Resource(throughType), relationship.Name);
            child.ThroughAlias ??= context.NextAlias();
            sql.Append(" INNER JOIN ").Append(TableNames.From(context.Domain.Resource(throughType), context))
                .Append(" AS ").Identifier(child.ThroughAlias).Append(" ON ")
                .Column(child.ThroughAlias, relationship.DestinationAttributeOnJoin!).Append(" = ")
                .Column(child.Alias, relationship.DestinationAttribute);
        }
    }

    /// <summary>The destination-side column equal to the source's <see cref="RelationshipDefinition.SourceAttribute"/>.</summary>
    public static void WriteKeyColumn(SqlBuilder sql, SqlScope child, RelationshipDefinition relationship)
    {
        if (relationship.ThroughType is not null)
        {
            sql.Column(child.ThroughAlias!, relationship.SourceAttributeOnJoin!);
        }
        else
        {
            sql.Column(child.Alias, relationship.DestinationAttribute);
        }
    }

    /// <summary>Writes the condition tying the destination level to the current source row.</summary>
    public static void WriteCorrelation(SqlBuilder sql, SqlScope source, SqlScope child, RelationshipDefinition relationship) =>
        WriteCorrelation(sql, source.Alias, child, relationship);

    /// <summary>Writes the condition tying the destination level to the source row of table alias <paramref name="sourceAlias"/>.</summary>
    public static void WriteCorrelation(SqlBuilder sql, string sourceAlias, SqlScope child, RelationshipDefinition relationship)
    {
        WriteKeyColumn(sql, child, relationship);
        sql.Append(" = ").Column(sourceAlias, relationship.SourceAttribute);
    }

    /// <summary>Whether subqueries over <paramref name="relationship"/> must cut its rows to its declared limit.</summary>
    public static bool IsLimited(RelationshipDefinition relationship) => relationship.Limit is not null;

    /// <summary>
    /// The to-one paths a subquery level must join for <paramref name="conditions"/> and the relationship's filter
    /// (which a limited relationship applies inside its derived table instead). A subquery that writes over its level
    /// before <see cref="WriteRows"/> (an aggregate's value) registers them, and its own, first.
    /// </summary>
    public static List<IReadOnlyList<RelationshipDefinition>> References(bool limited, Expr? relationshipFilter, IEnumerable<Expr?> conditions) =>
    [
        .. (limited ? [] : RelationshipFilterPaths.Joins(relationshipFilter)),
        .. conditions.SelectMany(RelationshipFilterPaths.Joins),
    ];

    /// <summary>
    /// Writes the FROM and WHERE of a subquery over the related rows of the source row <paramref name="sourceAlias"/>:
    /// the destination (through the join table), the joins of <see cref="References"/>, the relationship's filter and
    /// <paramref name="conditions"/>. When <paramref name="limited"/> (see <see cref="IsLimited"/>), the rows are first
    /// cut to the declared limit in the relationship's sort (<see cref="LimitedRows"/>) and the conditions choose
    /// among them. Returns the connector for a further condition: <c> AND </c> after a WHERE, else <c> WHERE </c>.
    /// </summary>
    public static string WriteRows(
        SqlBuilder sql, string sourceAlias, SqlScope child, RelationshipDefinition relationship, bool limited, Expr? relationshipFilter, IReadOnlyList<Expr?> conditions)
    {
        var where = " WHERE ";
        if (limited)
        {
            LimitedRows.Write(sql, sourceAlias, child, relationship, relationshipFilter);
        }
        else
        {
            WriteFrom(sql, child, relationship);
        }

        child.WriteJoins(sql, References(limited, relationshipFilter, conditions));
        if (!limited)
        {
            // A manual relationship has no key equality: its join condition is its filter, written below.
            if (!relationship.IsManual)
            {
                sql.Append(where);
                WriteCorrelation(sql, sourceAlias, child, relationship);
                where = " AND ";
            }

            conditions = [relationshipFilter, .. conditions];
        }

        var writer = new ExprWriter(sql, child);
        foreach (var condition in conditions)
        {
            if (condition is not null)
            {
                sql.Append(where);
                where = " AND ";
                writer.Write(condition);
            }
        }

        return where;
    }
}
