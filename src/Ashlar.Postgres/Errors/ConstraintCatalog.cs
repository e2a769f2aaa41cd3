using System.Collections.Frozen;
using Ashlar.Domains;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Schema;
using Ashlar.Resources;

namespace Ashlar.Postgres.Errors;

/// <summary>Every constraint and unique index the declarations create, by name, so database errors can be explained.</summary>
internal sealed class ConstraintCatalog
{
    private readonly FrozenDictionary<string, ConstraintInfo> _byQualifiedName;
    private readonly FrozenDictionary<string, ConstraintInfo[]> _byName;

    private ConstraintCatalog(Dictionary<string, ConstraintInfo> byQualifiedName)
    {
        _byQualifiedName = byQualifiedName.ToFrozenDictionary(StringComparer.Ordinal);
        _byName = byQualifiedName
            .GroupBy(p => p.Key[(p.Key.LastIndexOf('\0') + 1)..], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Value).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The constraint named <paramref name="name"/> on <paramref name="schema"/>.<paramref name="table"/>. Constraint names
    /// are only unique per table, so the table decides; a tenant's schema differs from the declared one, so when the
    /// exact table is unknown a name that is unique across the domain still matches.
    /// </summary>
    public ConstraintInfo? Find(string? schema, string? table, string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (_byQualifiedName.TryGetValue(Key(schema ?? "", table ?? "", name), out var exact))
        {
            return exact;
        }

        var candidates = _byName.GetValueOrDefault(name) ?? [];
        var sameTable = candidates.Where(c => c.Table == table).ToArray();
        return sameTable.Length == 1 ? sameTable[0] : candidates.Length == 1 ? candidates[0] : null;
    }

    private static string Key(string schema, string table, string name) => $"{schema}\0{table}\0{name}";

    public static ConstraintCatalog Build(DomainModel domain)
    {
        var byName = new Dictionary<string, ConstraintInfo>(StringComparer.Ordinal);
        foreach (var resource in domain.Resources)
        {
            var options = resource.Extension<PostgresOptions>();
            if (options?.Table is null)
            {
                continue;
            }

            // A context-tenant table as its tenants have it: with its references to other tenant tables.
            var table = ResourceSchemaBuilder.Table(domain, resource, options, ResourceSchemaBuilder.IsContextTenant(resource));
            void Add(string name, ConstraintInfo info) => byName[Key(table.Schema, table.Name, name)] = info with { Table = table.Name };
            Add(SchemaNames.PrimaryKey(table.Name), new(resource.Name, resource.PrimaryKey.Count > 0 ? resource.PrimaryKey[0].Name : null, null));
            foreach (var identity in resource.Identities)
            {
                var name = options.IdentityIndexNames.GetValueOrDefault(identity.Name) ?? SchemaNames.IdentityIndex(table.Name, identity.Name);
                Add(name, new(resource.Name, identity.Keys[0], identity.Message));
            }

            foreach (var index in options.Indexes.Where(i => i.Unique))
            {
                var name = table.Indexes.First(i => i.Fields.SequenceEqual(index.Fields.Select(f => new IndexKeyModel(f.Column, f.Sql, f.Descending))) && i.Unique && i.Where == index.Where).Name;
                Add(name, new(resource.Name, index.ErrorField ?? index.Fields[0].Column, index.Message));
            }

            foreach (var check in options.CheckConstraints)
            {
                Add(check.ConstraintName, new(resource.Name, check.Attributes.Count > 0 ? check.Attributes[0] : null, check.Message));
            }

            foreach (var key in table.ForeignKeys)
            {
                var relationship = resource.Relationships.First(r => r.Kind == RelationshipKind.BelongsTo && r.SourceAttribute == key.Columns[0]);
                var destination = domain.Resource(relationship.DestinationType);
                Add(key.Name, new(resource.Name, key.Columns[0], null, destination.Name, relationship.DestinationAttribute));
            }
        }

        return new ConstraintCatalog(byName);
    }
}
