using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Expressions;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql;

/// <summary>
/// Compiles a <see cref="ReadPlan"/> into one SELECT. References through to-one relationships become LEFT JOINs,
/// one per distinct relationship path.
/// </summary>
internal sealed class ReadCompiler
{
    private readonly DomainModel _domain;
    private readonly ReadPlan _plan;
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal) { [""] = "t0" };
    private readonly SqlBuilder _joins = new();

    private ReadCompiler(DomainModel domain, ReadPlan plan)
    {
        _domain = domain;
        _plan = plan;
    }

    public static SqlCommand Compile(DomainModel domain, ReadPlan plan) => new ReadCompiler(domain, plan).Compile();

    private SqlCommand Compile()
    {
        var resource = _plan.Resource;
        var sql = new SqlBuilder();
        sql.Append("SELECT ");
        for (var i = 0; i < resource.Attributes.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(", ");
            }

            sql.Column("t0", resource.Attributes[i].Name);
        }

        sql.Append(" FROM ").Append(TableNames.Qualified(resource, _plan.Tenant)).Append(" AS \"t0\"");

        // Conditions are written into a separate builder first so joins they need are known; parameters must keep
        // their order, so the WHERE text is written after the joins into the same builder.
        var where = _plan.Filter;
        var placeholderJoins = CollectJoins(where, _plan.Sort);
        sql.Append(placeholderJoins);

        var writer = new FilterWriter(sql, AliasOf);
        if (where is not null)
        {
            sql.Append(" WHERE ");
            writer.Write(where);
        }

        for (var i = 0; i < _plan.Sort.Count; i++)
        {
            sql.Append(i == 0 ? " ORDER BY " : ", ");
            writer.Write(_plan.Sort[i].Expression);
            sql.Append(_plan.Sort[i].Descending ? " DESC" : " ASC");
        }

        if (_plan.Limit is { } limit)
        {
            sql.Append(" LIMIT ").Append(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (_plan.Offset is { } offset and > 0)
        {
            sql.Append(" OFFSET ").Append(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new SqlCommand(sql.ToString(), sql.Parameters, resource.Attributes);
    }

    private string CollectJoins(Expr? filter, IReadOnlyList<SortKey> sort)
    {
        var references = new List<RefExpr>();
        Collect(filter, references);
        foreach (var key in sort)
        {
            Collect(key.Expression, references);
        }

        foreach (var reference in references.Where(r => r.Path.Count > 0))
        {
            Join(reference.Path);
        }

        return _joins.ToString();
    }

    private void Join(IReadOnlyList<RelationshipDefinition> path)
    {
        var source = _plan.Resource;
        var sourceAlias = "t0";
        var key = "";
        foreach (var relationship in path)
        {
            key += "/" + relationship.Name;
            var destination = _domain.Resource(relationship.DestinationType);
            if (!_aliases.TryGetValue(key, out var alias))
            {
                alias = "t" + _aliases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _aliases[key] = alias;
                _joins.Append(" LEFT JOIN ").Append(TableNames.Qualified(destination, _plan.Tenant))
                    .Append(" AS ").Identifier(alias).Append(" ON ")
                    .Column(alias, relationship.DestinationAttribute).Append(" = ")
                    .Column(sourceAlias, relationship.SourceAttribute);
            }

            source = destination;
            sourceAlias = alias;
        }
    }

    private string AliasOf(RefExpr reference) =>
        _aliases[string.Concat(reference.Path.Select(r => "/" + r.Name))];

    private static void Collect(Expr? expr, List<RefExpr> references)
    {
        switch (expr)
        {
            case RefExpr reference:
                references.Add(reference);
                break;
            case BinaryExpr binary:
                Collect(binary.Left, references);
                Collect(binary.Right, references);
                break;
            case NotExpr not:
                Collect(not.Operand, references);
                break;
            case IsNullExpr isNull:
                Collect(isNull.Operand, references);
                break;
            case InExpr inExpr:
                Collect(inExpr.Operand, references);
                break;
            default:
                break;
        }
    }
}
