using Ashlar.DataLayer;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// A read's limit and offset as value nodes, so they are sent as parameters (<c>LIMIT $4 OFFSET $5</c>): every page
/// of an offset-paginated list is then one cached statement and one prepared statement, not one per page.
/// </summary>
internal readonly record struct PagingNodes(ValueExpr? Limit, ValueExpr? Offset)
{
    private static readonly AttributeType Count = AttributeType.Of(TypeKind.Long, typeof(long));

    public static PagingNodes Of(ReadPlan plan) => new(
        plan.Limit is { } limit ? new ValueExpr((long)limit, Count) : null,
        plan.Offset is { } offset and > 0 ? new ValueExpr((long)offset, Count) : null);

    /// <summary>Writes <c> LIMIT $n</c> and <c> OFFSET $m</c> for the nodes present.</summary>
    public void Write(SqlBuilder sql)
    {
        if (Limit is not null)
        {
            sql.Append(" LIMIT ").Parameter(Limit, Count, static node => ((ValueExpr)node).Value, share: false);
        }

        if (Offset is not null)
        {
            sql.Append(" OFFSET ").Parameter(Offset, Count, static node => ((ValueExpr)node).Value, share: false);
        }
    }
}
