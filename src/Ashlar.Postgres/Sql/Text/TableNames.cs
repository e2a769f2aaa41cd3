using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Text;

/// <summary>Where a resource's rows live, for a given tenant.</summary>
internal static class TableNames
{
    public static string Qualified(ResourceDefinition resource, string? tenant)
    {
        var options = Options(resource);
        return SqlIdentifier.Qualified(tenant ?? options.SchemaOrPublic, options.Table!);
    }

    public static PostgresOptions Options(ResourceDefinition resource) =>
        resource.Extension<PostgresOptions>()
        ?? throw new InvalidOperationException($"{resource.Name} has no Postgres section; declare r.Postgres(pg => pg.Table(...)).");
}
