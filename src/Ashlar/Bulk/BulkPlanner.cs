using Ashlar.Actions;
using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Expressions.Linq;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Bulk;

/// <summary>Turns bulk options into the data layer's plan: the columns a create action writes, and the upsert.</summary>
internal static class BulkPlanner
{
    public static BulkCreatePlan Plan(DomainModel model, ResourceDefinition resource, ActionDefinition action, BulkCreateOptions options)
    {
        var columns = resource.Attributes
            .Where(a => !a.Identity && a.GeneratedSql is null &&
                (action.Accept.Contains(a.Name) || action.Set.ContainsKey(a.Name) || a.Default is not null || action.Steps.Any(s => s.Sets.Contains(a.Name))))
            .ToList();
        return new BulkCreatePlan(resource, columns)
        {
            Tenant = options.Tenant,
            ReturnRecords = options.ReturnRecords,
            Upsert = options.Upsert is { } upsert ? Upsert(model, resource, action, columns, upsert) : null,
        };
    }

    /// <exception cref="ArgumentException">The upsert names an unknown identity or field, or its target is not written.</exception>
    private static UpsertPlan Upsert(DomainModel model, ResourceDefinition resource, ActionDefinition action, List<AttributeDefinition> columns, Upsert upsert)
    {
        var identity = upsert.Identity is null ? null
            : resource.Identities.FirstOrDefault(i => i.Name == upsert.Identity) ?? throw new ArgumentException(
                $"{resource.Name} has no identity named '{upsert.Identity}'; it has {Names(resource.Identities.Select(i => i.Name))}.", nameof(upsert));
        var target = identity is null ? resource.PrimaryKey : identity.Keys.Select(k => resource.Attribute(k)!).ToList();
        foreach (var key in target.Where(k => !columns.Contains(k)))
        {
            throw new ArgumentException(
                $"An upsert of {resource.Name} on {(identity is null ? "the primary key" : identity.Name)} needs {key.Name} in its inputs, " +
                $"but {action} neither accepts nor defaults it; upsert on an identity instead (Upsert.Identity), or accept {key.Name}.", nameof(upsert));
        }

        var fields = upsert.Fields is null
            ? columns.Where(c => (action.Accept.Contains(c.Name) || action.Set.ContainsKey(c.Name)) && !target.Contains(c) && !c.PrimaryKey).ToList()
            : upsert.Fields.Select(f => Field(resource, columns, f)).Distinct().ToList();
        if (upsert.Fields is null)
        {
            fields.RemoveAll(f => upsert.Atomics.Any(a => a.Key == f.Name));
        }

        return new UpsertPlan(target)
        {
            TargetWhereSql = identity?.WhereSql,
            NilsDistinct = identity?.NilsDistinct ?? true,
            Fields = fields,
            Timestamps = columns.Where(c => c.UpdateDefault is not null && !fields.Contains(c) && !target.Contains(c)).ToList(),
            TouchUnchanged = upsert.TouchUnchanged,
            Condition = upsert.Condition is { } condition
                ? LambdaTranslator.TranslateRelationshipFilter(model, resource, resource, Checked(resource, condition))
                : null,
            ReportSkipped = upsert.ReportSkipped,
            // The action's atomic validations guard the update of an existing row (a new row has no stored state to check);
            // an upsert that keeps existing rows as they are updates nothing, so there is nothing to guard.
            Atomics = fields.Count == 0 && upsert.Atomics.Count == 0 ? [] :
                [.. Changesets.AtomicChanges.Build(model, resource, upsert.Atomics, [.. fields.Select(f => f.Name)]),
                    .. Changesets.AtomicChanges.Guards(model, resource, action)],
        };
    }

    private static System.Linq.Expressions.LambdaExpression Checked(ResourceDefinition resource, System.Linq.Expressions.LambdaExpression condition) =>
        condition.Parameters.Count == 2 && condition.Parameters.All(p => p.Type == resource.ClrType) && condition.ReturnType == typeof(bool)
            ? condition
            : throw new ArgumentException($"An upsert condition of {resource.Name} takes the existing and the incoming {resource.Name} and returns a bool; use Upsert.When<{resource.Name}>((old, incoming) => ...).", nameof(condition));

    private static AttributeDefinition Field(ResourceDefinition resource, List<AttributeDefinition> columns, string name)
    {
        var attribute = resource.Attribute(name) ?? resource.Attribute(Naming.ToSnakeCase(name));
        return attribute is not null && columns.Contains(attribute) ? attribute : throw new ArgumentException(
            $"The upsert field '{name}' is not an attribute {resource.Name}'s create action writes; it writes {Names(columns.Select(c => c.Name))}.", nameof(name));
    }

    private static string Names(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";
}
