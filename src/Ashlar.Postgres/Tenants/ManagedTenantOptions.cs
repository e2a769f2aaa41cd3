using System.Linq.Expressions;
using System.Reflection;

namespace Ashlar.Postgres.Tenants;

/// <summary>A managed-tenant declaration (<c>pg.ManageTenant(o =&gt; "org_" + o.Id, t =&gt; ...)</c>).</summary>
public sealed class ManagedTenantOptions
{
    private ManagedTenantOptions(Func<object, string> name, IReadOnlyList<PropertyInfo> reads, string template)
    {
        NameOf = name;
        Reads = reads;
        Template = template;
    }

    /// <summary>The template as written, for messages.</summary>
    public string Template { get; }

    /// <summary>False when changing the template's values must not rename the schema (<see cref="KeepSchemaName"/>).</summary>
    public bool RenameSchema { get; private set; } = true;

    /// <summary>True when destroying a record drops its schema with everything in it (<see cref="DropSchemaOnDestroy"/>).</summary>
    public bool DropSchema { get; private set; }

    /// <summary>The schema name of a record.</summary>
    internal Func<object, string> NameOf { get; }

    /// <summary>The properties the template reads, so a rename is checked only when one of them changes.</summary>
    internal IReadOnlyList<PropertyInfo> Reads { get; }

    /// <summary>Opts out of renaming: a record whose template value changes keeps its schema's old name.</summary>
    public ManagedTenantOptions KeepSchemaName()
    {
        RenameSchema = false;
        return this;
    }

    /// <summary>Destroying a record drops its schema and all its tenant data (<c>DROP SCHEMA … CASCADE</c>) in the same transaction.</summary>
    public ManagedTenantOptions DropSchemaOnDestroy()
    {
        DropSchema = true;
        return this;
    }

    internal static ManagedTenantOptions For<T>(Expression<Func<T, string>> template)
    {
        var compiled = template.Compile();
        var reads = new List<PropertyInfo>();
        var pending = new Stack<Expression>();
        pending.Push(template.Body);
        while (pending.Count > 0)
        {
            // Iterative walk: the template is user code of any shape.
            switch (pending.Pop())
            {
                case MemberExpression { Member: PropertyInfo property, Expression: ParameterExpression }:
                    reads.Add(property);
                    break;
                case MemberExpression member when member.Expression is not null:
                    pending.Push(member.Expression);
                    break;
                case BinaryExpression binary:
                    pending.Push(binary.Left);
                    pending.Push(binary.Right);
                    break;
                case UnaryExpression unary:
                    pending.Push(unary.Operand);
                    break;
                case MethodCallExpression call:
                    foreach (var argument in call.Arguments.Reverse())
                    {
                        pending.Push(argument);
                    }

                    if (call.Object is not null)
                    {
                        pending.Push(call.Object);
                    }

                    break;
                case ConditionalExpression conditional:
                    pending.Push(conditional.Test);
                    pending.Push(conditional.IfTrue);
                    pending.Push(conditional.IfFalse);
                    break;
                case NewArrayExpression array:
                    foreach (var item in array.Expressions)
                    {
                        pending.Push(item);
                    }

                    break;
                default:
                    break;
            }
        }

        return new ManagedTenantOptions(record => compiled((T)record), reads.Distinct().ToList(), template.ToString());
    }
}
