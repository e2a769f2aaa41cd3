namespace Ashlar.Postgres.Repos;

/// <summary>The repo used by resources that name none.</summary>
public sealed class DefaultRepo : PostgresRepo
{
    /// <inheritdoc />
    public override string Name => "default";
}
