using Ashlar.Errors;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Scopes;

/// <summary>
/// One level of a statement (the main query, or an EXISTS / load / aggregate subquery): its resource, its table
/// alias, the to-one joins made from it, and the enclosing level that <see cref="Ashlar.Expressions.ParentExpr"/> reaches.
/// </summary>
internal sealed class SqlScope(SqlContext context, ResourceDefinition resource, string alias, SqlScope? parent)
{
    private readonly Dictionary<string, string> _joined = new(StringComparer.Ordinal);
    private readonly List<(RelationshipDefinition Relationship, string SourceAlias, string Alias)> _pending = [];

    public SqlContext Context => context;

    public ResourceDefinition Resource => resource;

    public string Alias => alias;

    public SqlScope? Parent => parent;

    /// <summary>For a many-to-many level: the alias of the join table.</summary>
    public string? ThroughAlias { get; set; }

    /// <summary>
    /// For a restriction written inside another level: references to the root attribute <c>Attribute</c> are written
    /// as <c>Alias.Column</c> instead (the column holding the same key there).
    /// </summary>
    public (string Attribute, string Alias, string Column)? Renamed { get; set; }

    public static SqlScope Root(SqlContext context, ResourceDefinition resource) => new(context, resource, "t0", null);

    public SqlScope Child(ResourceDefinition destination) => new(context, destination, context.NextAlias(), this);

    public string AliasOf(IReadOnlyList<RelationshipDefinition> path) =>
        path.Count == 0 ? alias : _joined.TryGetValue(Key(path, path.Count), out var joined)
            ? joined
            : throw AshlarException.From(new UnsupportedFeature(
                $"the query reads {Key(path, path.Count)} from {resource.Name} where Ashlar did not join it (a relationship filter's parent(...) through a to-one path, in a position not supported yet); read the field through a declared aggregate or a load instead")
            { Resource = resource.Name });

    /// <summary>Gives every to-one path the references walk a join alias, so expressions can be written before the FROM.</summary>
    public void Register(IEnumerable<IReadOnlyList<RelationshipDefinition>> paths)
    {
        foreach (var path in paths)
        {
            var sourceAlias = alias;
            for (var i = 0; i < path.Count; i++)
            {
                var key = Key(path, i + 1);
                if (!_joined.TryGetValue(key, out var joinAlias))
                {
                    joinAlias = context.NextAlias();
                    _joined[key] = joinAlias;
                    _pending.Add((path[i], sourceAlias, joinAlias));
                }

                sourceAlias = joinAlias;
            }
        }
    }

    /// <summary>Writes one LEFT JOIN per distinct to-one path registered and not yet written (a lateral one for a manual relationship).</summary>
    public void WriteJoins(SqlBuilder sql, IEnumerable<IReadOnlyList<RelationshipDefinition>> paths)
    {
        Register(paths);
        foreach (var (relationship, sourceAlias, joinAlias) in _pending)
        {
            if (relationship.IsManual)
            {
                ManualToOneJoin.Write(sql, context, relationship, sourceAlias, joinAlias);
                continue;
            }

            var destination = context.Domain.Resource(relationship.DestinationType);
            Repos.RepoBoundary.EnsureSameDatabases(resource, destination, relationship.Name);
            sql.Append(" LEFT JOIN ").Append(TableNames.From(destination, context))
                .Append(" AS ").Identifier(joinAlias).Append(" ON ")
                .Column(joinAlias, relationship.DestinationAttribute).Append(" = ")
                .Column(sourceAlias, relationship.SourceAttribute);
        }

        _pending.Clear();
    }

    private static string Key(IReadOnlyList<RelationshipDefinition> path, int count) =>
        string.Join("/", path.Take(count).Select(r => r.Name));
}
