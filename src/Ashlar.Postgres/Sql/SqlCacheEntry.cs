using Ashlar.Expressions;

namespace Ashlar.Postgres.Sql;

/// <summary>A compiled statement and, per parameter, the node index its value comes from (-1: a constant).</summary>
internal sealed class SqlCacheEntry(SqlCommand template, ParameterSlot[] slots, int[] nodeIndex)
{
    public static SqlCacheEntry? Create(SqlCommand command, IReadOnlyList<ParameterSlot> slots, IReadOnlyList<Expr> nodes)
    {
        var index = new Dictionary<Expr, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < nodes.Count; i++)
        {
            index.TryAdd(nodes[i], i);
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

    public SqlCommand Bind(IReadOnlyList<Expr> nodes)
    {
        var parameters = new SqlParameter[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            parameters[i] = nodeIndex[i] < 0
                ? template.Parameters[i]
                : SqlBuilder.Convert(slots[i].Rebind!(nodes[nodeIndex[i]]), slots[i].Type);
        }

        return template with { Parameters = parameters };
    }
}
