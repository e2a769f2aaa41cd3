using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql;

/// <summary>
/// The FROM part of a subquery over a relationship's destination (through the join table for many-to-many), and
/// the column that holds the source's key there.
/// </summary>
internal static class RelatedFrom
{
    /// <summary>Writes <c> FROM dest AS tN [INNER JOIN through AS tM ON …]</c> and returns the destination's level.</summary>
    public static SqlScope Write(SqlBuilder sql, SqlScope source, RelationshipDefinition relationship)
    {
        var child = source.Child(source.Context.Domain.Resource(relationship.DestinationType));
        WriteFrom(sql, child, relationship);
        return child;
    }

    /// <summary>Writes <c> FROM dest AS alias</c> for an existing level, with the join table for many-to-many.</summary>
    public static void WriteFrom(SqlBuilder sql, SqlScope child, RelationshipDefinition relationship)
    {
        var context = child.Context;
        sql.Append(" FROM ").Append(TableNames.Qualified(child.Resource, context.Tenant)).Append(" AS ").Identifier(child.Alias);
        if (relationship.ThroughType is { } throughType)
        {
            child.ThroughAlias ??= context.NextAlias();
            sql.Append(" INNER JOIN ").Append(TableNames.Qualified(context.Domain.Resource(throughType), context.Tenant))
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

    /// <summary>The relationship's declared filter, translated once per domain.</summary>
    public static Expr? Filter(DomainModel domain, RelationshipDefinition relationship) => domain.RelationshipFilter(relationship);
}
