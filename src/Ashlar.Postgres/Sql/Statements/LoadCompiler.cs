using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Caching;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// Compiles the load of one relationship for many parents into one SELECT whose first column is the parent key:
/// <c>WHERE key = ANY($1)</c>, or, with a per-parent limit or offset, a LATERAL subquery per key of <c>unnest($1)</c>.
/// </summary>
internal static class LoadCompiler
{
    public static CompiledStatement Compile(DomainModel domain, LoadPlan load, Array keys, AttributeType keyType, string? tenant)
    {
        var arrayType = KeysType(keyType);
        return CompileWithSlots(domain, load.Relationship, Effective(load), new ValueExpr(keys, arrayType), keyType, tenant).Command;
    }

    /// <summary>
    /// The read a load runs, with what the relationship declares folded in: its filter joined to the load's, its
    /// sort when the load has none, its limit when the load has none. Its shape is the load statement's shape.
    /// </summary>
    public static ReadPlan Effective(LoadPlan load)
    {
        var relationship = load.Relationship;
        var plan = load.Query;
        var filter = Combine(relationship.Filter, plan.Filter);
        var sort = plan.Sort.Count > 0 || relationship.Sort.Count == 0 ? plan.Sort : relationship.Sort;
        var limit = plan.Limit ?? relationship.Limit;
        return ReferenceEquals(filter, plan.Filter) && ReferenceEquals(sort, plan.Sort) && limit == plan.Limit
            ? plan
            : plan with { Filter = filter, Sort = sort, Limit = limit };
    }

    /// <summary>The type of the keys parameter: an array of the parent key's type.</summary>
    public static AttributeType KeysType(AttributeType keyType) =>
        AttributeType.Of(TypeKind.Array, keyType.ClrType.MakeArrayType()) with { ElementType = keyType };

    /// <summary>
    /// Compiles the load of <paramref name="relationship"/> as <paramref name="plan"/> (see <see cref="Effective"/>)
    /// for the parent keys held by <paramref name="keys"/>, also returning where each parameter's value came from
    /// (null when one cannot be traced); the keys are the value of <paramref name="keys"/>.
    /// </summary>
    public static (CompiledStatement Command, IReadOnlyList<ParameterSlot>? Slots) CompileWithSlots(
        DomainModel domain, RelationshipDefinition relationship, ReadPlan plan, ValueExpr keys, AttributeType keyType, string? tenant)
    {
        var context = new SqlContext(domain, tenant);
        var filter = plan.Filter;
        // A relationship filter that reads the source row joins the source table as the parent level.
        var parentReferences = ExprWalker.ParentReferences(filter);
        // A manual relationship's rows are keyed by the source's key, read from the joined source row.
        var parent = parentReferences.Count == 0 && !relationship.IsManual
            ? null
            : new SqlScope(context, domain.Resource(relationship.Property.ReflectedType!), context.NextAlias(), null);
        var scope = new SqlScope(context, plan.Resource, "t0", parent);
        if (relationship.ThroughType is not null)
        {
            scope.ThroughAlias = context.NextAlias();
        }

        var sort = plan.Sort;
        var arrayType = keys.Type ?? KeysType(keyType);
        var lateral = plan.Limit is not null || plan.Offset is not null;
        scope.Register(ExprWalker.References(filter).Concat(sort.SelectMany(s => ExprWalker.References(s.Expression))).Concat(ReadCompiler.ComputedReferences(plan)));
        var sql = new SqlBuilder();
        if (lateral)
        {
            sql.Append("SELECT \"k\".\"key\", \"d\".* FROM unnest(").Parameter(keys, arrayType, KeysOf, share: false).Append(") AS \"k\"(\"key\") CROSS JOIN LATERAL (");
        }

        sql.Append("SELECT ");
        if (!lateral)
        {
            WriteKey(sql, parent, scope, relationship);
            sql.Append(", ");
        }

        var columns = plan.Resource.Attributes;
        for (var i = 0; i < columns.Count; i++)
        {
            sql.Append(i > 0 ? ", " : "").Column(scope.Alias, columns[i].Name);
        }

        var writer = new ExprWriter(sql, scope);
        var computed = ReadCompiler.WriteComputed(writer, plan);
        RelatedFrom.WriteFrom(sql, scope, relationship);
        if (parent is not null && relationship.IsManual)
        {
            // The join condition is the relationship's filter, in the WHERE with the load's own.
            sql.Append(" CROSS JOIN ").Append(TableNames.From(parent.Resource, context)).Append(" AS ").Identifier(parent.Alias);
            parent.WriteJoins(sql, parentReferences);
        }
        else if (parent is not null)
        {
            sql.Append(" INNER JOIN ").Append(TableNames.From(parent.Resource, context)).Append(" AS ").Identifier(parent.Alias).Append(" ON ");
            RelatedFrom.WriteCorrelation(sql, parent, scope, relationship);
            parent.WriteJoins(sql, parentReferences);
        }

        scope.WriteJoins(sql, ExprWalker.References(filter).Concat(sort.SelectMany(s => ExprWalker.References(s.Expression))).Concat(ReadCompiler.ComputedReferences(plan)));
        sql.Append(" WHERE ");
        WriteKey(sql, parent, scope, relationship);
        if (lateral)
        {
            sql.Append(" = \"k\".\"key\"");
        }
        else
        {
            sql.Append(" = ANY(").Parameter(keys, arrayType, KeysOf, share: false).Append(')');
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

        var command = new CompiledStatement(sql.ToString(), sql.Parameters, columns) { ColumnOffset = 1, Computed = computed, Tenancy = context.Tenancy, Tenant = context.Tenant };
        return (command, sql.Rebindable ? sql.Slots : null);
    }

    /// <summary>The column holding the parent's key: the source row's own key for a manual relationship.</summary>
    private static void WriteKey(SqlBuilder sql, SqlScope? parent, SqlScope scope, RelationshipDefinition relationship)
    {
        if (relationship.IsManual)
        {
            sql.Column(parent!.Alias, relationship.SourceAttribute);
        }
        else
        {
            RelatedFrom.WriteKeyColumn(sql, scope, relationship);
        }
    }

    private static object? KeysOf(Expr keys) => ((ValueExpr)keys).Value;

    private static Expr? Combine(Expr? left, Expr? right) =>
        left is null ? right : right is null ? left : new BinaryExpr(BinaryOperator.And, left, right);
}
