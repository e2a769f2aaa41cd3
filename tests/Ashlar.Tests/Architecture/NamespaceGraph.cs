using System.Reflection;
using System.Reflection.Emit;

namespace Ashlar.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which: every type a type names in its base type, interfaces, fields,
/// properties, events, signatures, attributes, generic arguments and method bodies (the IL's type, method and field
/// tokens), folded onto the namespaces of the assembly itself. Compiler-generated types (closures, state machines)
/// count for the namespace they are nested in. Documentation (<c>cref</c>) is not a dependency.
/// </summary>
internal static class NamespaceGraph
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>For each namespace of <paramref name="assembly"/>, the other namespaces of it that it uses, with one example each.</summary>
    public static Dictionary<string, Dictionary<string, string>> Of(Assembly assembly)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var found) ? found : graph[from] = new(StringComparer.Ordinal);
            foreach (var (used, where) in Uses(type))
            {
                foreach (var part in Flatten(used))
                {
                    if (part.Assembly == assembly && NamespaceOf(part) is { } to && to != from)
                    {
                        edges.TryAdd(to, $"{type.Name}{where} uses {part.Name}");
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>The namespaces that lie on a cycle, grouped by strongly connected component (each sorted).</summary>
    public static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var components = new List<List<string>>();
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (components.Any(c => c.Contains(node)))
            {
                continue;
            }

            var component = Reachable(graph, node).Where(other => Reachable(graph, other).Contains(node)).Order(StringComparer.Ordinal).ToList();
            if (component.Count > 1)
            {
                components.Add(component);
            }
        }

        return components;
    }

    private static HashSet<string> Reachable(Dictionary<string, Dictionary<string, string>> graph, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var node))
        {
            foreach (var next in graph.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }

    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        var stack = new Stack<Type>([type]);
        while (stack.TryPop(out var t))
        {
            if (t.HasElementType)
            {
                stack.Push(t.GetElementType()!);
            }
            else if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                stack.Push(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    stack.Push(argument);
                }
            }
            else if (!t.IsGenericParameter)
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<(Type Used, string Where)> Uses(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return (baseType, " (base)");
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return (i, " (interface)");
        }

        foreach (var a in type.GetCustomAttributesData())
        {
            yield return (a.AttributeType, " (attribute)");
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return (field.FieldType, "." + field.Name);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return (property.PropertyType, "." + property.Name);
        }

        foreach (var e in type.GetEvents(Everything))
        {
            yield return (e.EventHandlerType!, "." + e.Name);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            var where = "." + method.Name;
            if (method is MethodInfo info)
            {
                yield return (info.ReturnType, where);
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return (parameter.ParameterType, where);
            }

            foreach (var used in BodyUses(method))
            {
                yield return (used, where);
            }
        }
    }

    private static IEnumerable<Type> BodyUses(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            if (code.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                switch (member)
                {
                    case Type t:
                        yield return t;
                        break;
                    case MethodBase m:
                        yield return m.DeclaringType!;
                        if (m is MethodInfo { IsGenericMethod: true } generic)
                        {
                            foreach (var argument in generic.GetGenericArguments())
                            {
                                yield return argument;
                            }
                        }

                        break;
                    case FieldInfo f:
                        yield return f.DeclaringType!;
                        yield return f.FieldType;
                        break;
                }
            }

            at += OperandSize(code, il, at);
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
