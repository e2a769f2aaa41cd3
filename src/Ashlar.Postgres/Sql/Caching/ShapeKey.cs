using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Ashlar.DataLayer;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Caching;

/// <summary>
/// The shape of a <see cref="ReadPlan"/>: everything the compiled SQL text depends on, and no value that only becomes
/// a parameter. Values contribute their type and the one fact about them a writer branches on (nil, text or other;
/// for an in-list, empty and nil-containing). Also collects the value-bearing nodes in visiting order, so a cached
/// statement's parameters can be read from another plan of the same shape.
/// </summary>
internal sealed class ShapeKey
{
    private readonly StringBuilder _key = new(256);
    private readonly List<Expr> _nodes = [];

    private ShapeKey()
    {
    }

    /// <summary>The key text.</summary>
    public string Key => _key.ToString();

    /// <summary>The <see cref="ValueExpr"/> and <see cref="InExpr"/> nodes, in visiting order.</summary>
    public IReadOnlyList<Expr> Nodes => _nodes;

    /// <summary>The shape of a top-level read: its limit and offset are parameters, so only their presence counts.</summary>
    public static ShapeKey Of(ReadPlan plan) => Of(plan, pagingAsParameters: true);

    /// <summary>
    /// The shape of <paramref name="plan"/>. With <paramref name="pagingAsParameters"/>, the limit and offset become
    /// the last <see cref="Nodes"/> (<see cref="Paging"/>) and only their presence enters the key; otherwise (a load,
    /// whose per-parent limit is part of its text) their values do.
    /// </summary>
    public static ShapeKey Of(ReadPlan plan, bool pagingAsParameters)
    {
        var shape = new ShapeKey();
        shape.Plan(plan, pagingAsParameters);
        return shape;
    }

    /// <summary>The value nodes of the limit and the offset (each null when absent), when they are parameters.</summary>
    public PagingNodes Paging { get; private set; }

    private void Plan(ReadPlan plan, bool pagingAsParameters)
    {
        Text("R").Text(plan.Resource.ClrType.FullName ?? plan.Resource.Name).Text("|T").Text(plan.Tenant is null ? "-" : "+");
        Text("|F");
        Optional(plan.Filter);
        foreach (var sort in plan.Sort)
        {
            Text("|S").Text(sort.Descending ? "d" : "a").Text(sort.NullsFirst switch { null => "", true => "f", false => "l" });
            Expr(sort.Expression);
        }

        if (pagingAsParameters)
        {
            Text("|L").Text(plan.Limit is null ? "" : "?").Text("|O").Text(plan.Offset is > 0 ? "?" : "");
        }
        else
        {
            Text("|L").Text(plan.Limit?.ToString(CultureInfo.InvariantCulture) ?? "").Text("|O").Text(plan.Offset?.ToString(CultureInfo.InvariantCulture) ?? "");
        }

        Text("|C").Text(plan.Select is null ? "*" : string.Join(",", plan.Select.Select(a => a.Name)));
        foreach (var distinct in plan.Distinct)
        {
            Text("|D");
            Expr(distinct);
        }

        foreach (var aggregate in plan.Aggregates)
        {
            Text("|A").Text(aggregate.Name);
        }

        foreach (var calculation in plan.Calculations)
        {
            Text("|K").Text(calculation.Calculation.Name);
            Expr(calculation.Expression);
        }

        Text("|X").Text(plan.Lock is null ? "" : plan.Lock.Kind + "/" + plan.Lock.Wait);
        foreach (var load in plan.Loads)
        {
            // The top-level statement only selects the keys loads need; the loads compile on their own.
            Text("|J").Text(load.Relationship.Name);
        }

        if (pagingAsParameters)
        {
            Paging = PagingNodes.Of(plan);
            _nodes.AddRange(new[] { Paging.Limit, Paging.Offset }.OfType<Expr>());
        }
    }

    private void Optional(Expr? expr)
    {
        if (expr is null)
        {
            Text("-");
        }
        else
        {
            Expr(expr);
        }
    }

    private void Expr(Expr expr)
    {
        // Inputs and lambdas are bounded and long chains balanced; this turns any tree that is not into an exception, not a crash.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expr)
        {
            case RefExpr reference:
                Path(reference.Path).Text(".").Text(reference.Attribute.Name);
                return;
            case ValueExpr value:
                _nodes.Add(value);
                Text("$").Type(value.Type).Text(value.Value switch { null => "n", string => "s", _ => "o" });
                return;
            case InExpr inExpr:
                _nodes.Add(inExpr);
                Text("in").Text(inExpr.Values.Any(v => v is not null) ? "+" : "0").Text(inExpr.Values.Any(v => v is null) ? "n" : "").Text("(");
                Expr(inExpr.Operand);
                Text(")");
                return;
            case BinaryExpr binary:
                Text("(").Text(binary.Operator.ToString()).Text(" ");
                Expr(binary.Left);
                Text(" ");
                Expr(binary.Right);
                Text(")");
                return;
            case CallExpr call:
                Text("call:").Text(call.Function.ToString()).Text(call.IgnoreCase ? "/i" : "").Text("/").Text(call.Unit?.ToString() ?? "").Text("/").Type(call.Type);
                Children(call.Arguments);
                return;
            case CastExpr cast:
                Text("cast:").Type(cast.Type);
                Children([cast.Operand]);
                return;
            case FragmentExpr fragment:
                Text("frag:").Text(fragment.Sql.Length.ToString(CultureInfo.InvariantCulture)).Text(":").Text(fragment.Sql);
                Children(fragment.Arguments);
                return;
            case AggregateExpr aggregate:
                Path(aggregate.Path).Text("#").Text(aggregate.Aggregate.Name);
                return;
            case ExistsExpr exists:
                Text("exists:");
                Path(exists.Path);
                Children(exists.Condition is null ? [] : [exists.Condition]);
                return;
            case InlineAggregateExpr aggregate:
                Text("agg:").Text(aggregate.Kind.ToString()).Text("/").Type(aggregate.Type).Text("/");
                Path(aggregate.Path).Text(aggregate.Relationship.Name).Text("(v");
                Optional(aggregate.Value);
                Text(" w");
                Optional(aggregate.Condition);
                Text(")");
                return;
            case UnrelatedExistsExpr exists:
                Text("exists<").Text(exists.Resource.ClrType.FullName ?? exists.Resource.Name).Text(">(");
                Optional(exists.Condition);
                Text(")");
                return;
            default:
                // Not, IsNull, Conditional, Parent: their shape is their kind and their operands.
                Text(expr.GetType().Name);
                Children(ExprWalker.Children(expr).ToList());
                return;
        }
    }

    private void Children(IReadOnlyList<Expr> children)
    {
        Text("[");
        foreach (var child in children)
        {
            Expr(child);
            Text(";");
        }

        Text("]");
    }

    private ShapeKey Path(IReadOnlyList<Resources.RelationshipDefinition> path)
    {
        foreach (var relationship in path)
        {
            Text(relationship.Name).Text("/");
        }

        return this;
    }

    private ShapeKey Type(AttributeType? type)
    {
        if (type is null)
        {
            return Text("?");
        }

        Text("<").Text(type.Kind.ToString()).Text(",").Text(type.ClrType.FullName ?? type.ClrType.Name)
            .Text(",").Text(type.Precision?.ToString(CultureInfo.InvariantCulture) ?? "").Text(",").Text(type.Scale?.ToString(CultureInfo.InvariantCulture) ?? "");
        if (type.ElementType is not null)
        {
            Text(",").Type(type.ElementType);
        }

        return Text(">");
    }

    private ShapeKey Text(string text)
    {
        _key.Append(text);
        return this;
    }
}
