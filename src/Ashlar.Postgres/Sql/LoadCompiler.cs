using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql;

/// <summary>
/// Compiles the load of one relationship for many parents into one SELECT whose first column is the parent key:
/// <c>WHERE key = ANY($1)</c>, or, with a per-parent limit or offset, a LATERAL subquery per key of <c>unnest($1)</c>.
/// </summary>
internal static class LoadCompiler
{
    public static SqlCommand Compile(DomainModel domain, LoadPlan load, Array keys, AttributeType keyType, string? tenant)
    {
        var relationship = load.Relationship;
        var plan = load.Query.Limit is null && relationship.Limit is { } declared ? load.Query with { Limit = declared } : load.Query;
        var context = new SqlContext(domain, tenant);
        var filter = Combine(domain.RelationshipFilter(relationship), plan.Filter);
        // A relationship filter that reads the source row joins the source table as the parent level.
        var parentReferences = ExprWalker.ParentReferences(filter);
        var parent = parentReferences.Count == 0
            ? null
            : new SqlScope(context, domain.Resource(relationship.Property.ReflectedType!), context.NextAlias(), null);
        var scope = new SqlScope(context, plan.Resource, "t0", parent);
        if (relationship.ThroughType is not null)
        {
            scope.ThroughAlias = context.NextAlias();
        }

        var sort = plan.Sort.Count > 0 ? plan.Sort : domain.RelationshipSort(relationship);
        var arrayType = AttributeType.Of(TypeKind.Array, keyType.ClrType.MakeArrayType()) with { ElementType = keyType };
        var lateral = plan.Limit is not null || plan.Offset is not null;
        scope.Register(ExprWalker.References(filter).Concat(sort.SelectMany(s => ExprWalker.References(s.Expression))).Concat(ReadCompiler.ComputedReferences(plan)));
        var sql = new SqlBuilder();
        if (lateral)
        {
            sql.Append("SELECT \"k\".\"key\", \"d\".* FROM unnest(").Parameter(keys, arrayType).Append(") AS \"k\"(\"key\") CROSS JOIN LATERAL (");
        }

        sql.Append("SELECT ");
        if (!lateral)
        {
            RelatedFrom.WriteKeyColumn(sql, scope, relationship);
            sql.Append(", ");
        }

        var columns = plan.Resource.Attributes;
        for (var i = 0; i < columns.Count; i++)
        {
            sql.Append(i > 0 ? ", " : "").Column(scope.Alias, columns[i].Name);
        }

        var writer = new FilterWriter(sql, scope);
        var computed = ReadCompiler.WriteComputed(writer, plan);
        RelatedFrom.WriteFrom(sql, scope, relationship);
        if (parent is not null)
        {
            sql.Append(" INNER JOIN ").Append(TableNames.Qualified(parent.Resource, tenant)).Append(" AS ").Identifier(parent.Alias).Append(" ON ");
            RelatedFrom.WriteCorrelation(sql, parent, scope, relationship);
            parent.WriteJoins(sql, parentReferences);
        }

        scope.WriteJoins(sql, ExprWalker.References(filter).Concat(sort.SelectMany(s => ExprWalker.References(s.Expression))).Concat(ReadCompiler.ComputedReferences(plan)));
        sql.Append(" WHERE ");
        RelatedFrom.WriteKeyColumn(sql, scope, relationship);
        if (lateral)
        {
            sql.Append(" = \"k\".\"key\"");
        }
        else
        {
            sql.Append(" = ANY(").Parameter(keys, arrayType).Append(')');
        }

        if (filter is not null)
        {
            sql.Append(" AND ");
            writer.Write(filter);
        }

        ReadCompiler.WriteOrderBy(writer, sort);
        if (lateral)
        {
            ReadCompiler.WritePaging(sql, plan);
            sql.Append(") AS \"d\"");
        }

        return new SqlCommand(sql.ToString(), sql.Parameters, columns) { ColumnOffset = 1, Computed = computed };
    }

    private static Expr? Combine(Expr? left, Expr? right) =>
        left is null ? right : right is null ? left : new BinaryExpr(BinaryOperator.And, left, right);
}
