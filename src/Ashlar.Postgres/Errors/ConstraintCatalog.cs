using System.Collections.Frozen;
using Ashlar.Domains;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Schema;
using Ashlar.Resources;

namespace Ashlar.Postgres.Errors;

/// <summary>Every constraint and unique index the declarations create, by name, so database errors can be explained.</summary>
internal sealed class ConstraintCatalog
{
    private readonly FrozenDictionary<string, ConstraintInfo> _byName;

    private ConstraintCatalog(Dictionary<string, ConstraintInfo> byName)
    {
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public ConstraintInfo? Find(string? name) => name is null ? null : _byName.GetValueOrDefault(name);

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

            var table = ResourceSchemaBuilder.Table(domain, resource, options);
            byName[SchemaNames.PrimaryKey(table.Name)] = new(resource.Name, (resource.PrimaryKey.Count > 0 ? resource.PrimaryKey[0].Name : null), null);
            foreach (var identity in resource.Identities)
            {
                var name = options.IdentityIndexNames.GetValueOrDefault(identity.Name) ?? SchemaNames.IdentityIndex(table.Name, identity.Name);
                byName[name] = new(resource.Name, identity.Keys[0], identity.Message);
            }

            foreach (var index in options.Indexes.Where(i => i.Unique))
            {
                var name = table.Indexes.First(i => i.Fields.SequenceEqual(index.Fields) && i.Unique && i.Where == index.Where).Name;
                byName[name] = new(resource.Name, index.ErrorField ?? index.Fields[0].Column, index.Message);
            }

            foreach (var check in options.CheckConstraints)
            {
                byName[check.ConstraintName] = new(resource.Name, (check.Attributes.Count > 0 ? check.Attributes[0] : null), check.Message);
            }

            foreach (var key in table.ForeignKeys)
            {
                var relationship = resource.Relationships.First(r => r.Kind == RelationshipKind.BelongsTo && r.SourceAttribute == key.Columns[0]);
                var destination = domain.Resource(relationship.DestinationType);
                byName[key.Name] = new(resource.Name, key.Columns[0], null, destination.Name, relationship.DestinationAttribute);
            }
        }

        return new ConstraintCatalog(byName);
    }
}
