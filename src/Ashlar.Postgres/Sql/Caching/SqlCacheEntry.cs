using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Sql.Text;

namespace Ashlar.Postgres.Sql.Caching;

/// <summary>
/// A compiled statement and, per parameter, the node index its value comes from (-1: a constant). A node index past
/// the shape's nodes is the statement's extra value (a load's parent keys), given apart from the shape.
/// </summary>
internal sealed class SqlCacheEntry(CompiledStatement template, ParameterSlot[] slots, int[] nodeIndex)
{
    public static SqlCacheEntry? Create(CompiledStatement command, IReadOnlyList<ParameterSlot> slots, IReadOnlyList<Expr> nodes, Expr? extra = null)
    {
        var index = new Dictionary<Expr, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < nodes.Count; i++)
        {
            index.TryAdd(nodes[i], i);
        }

        if (extra is not null)
        {
            index.TryAdd(extra, nodes.Count);
        }

        var nodeIndex = new int[slots.Count];
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].Source is null)
            {
                nodeIndex[i] = -1;
            }
            else if (index.TryGetValue(slots[i].Source!, out var at))
            {
                nodeIndex[i] = at;
            }
            else
            {
                return null; // a value from outside the visited nodes: not safe to rebind
            }
        }

        return new SqlCacheEntry(command, [.. slots], nodeIndex);
    }

    /// <summary>The statement with the values of <paramref name="nodes"/> (and <paramref name="extra"/>), which have the cached shape.</summary>
    /// <remarks>The text is the same for every tenant (see <see cref="TableNames"/>); the tenant rides along for the prelude.</remarks>
    public CompiledStatement Bind(IReadOnlyList<Expr> nodes, string? tenant, Expr? extra = null)
    {
        var parameters = new StatementParameter[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            var at = nodeIndex[i];
            parameters[i] = at < 0
                ? template.Parameters[i]
                : SqlBuilder.Convert(slots[i].Rebind!(at < nodes.Count ? nodes[at] : extra!), slots[i].Type);
        }

        return template with { Parameters = parameters, Tenant = template.Tenancy == Multitenancy.TenantUse.None ? null : tenant };
    }
}
