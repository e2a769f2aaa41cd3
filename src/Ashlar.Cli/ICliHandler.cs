namespace Ashlar.Cli;

/// <summary>What the parsed commands call; the parser is tested against a recording implementation.</summary>
internal interface ICliHandler
{
    Task<int> CodegenAsync(CodegenRequest request, CancellationToken cancellationToken);

    Task<int> MigrateAsync(MigrateRequest request, CancellationToken cancellationToken);

    Task<int> RollbackAsync(RollbackRequest request, CancellationToken cancellationToken);

    Task<int> StatusAsync(TenantRequest? tenants, CancellationToken cancellationToken);

    Task<int> RemoveAsync(RemoveRequest request, CancellationToken cancellationToken);

    Task<int> DatabaseAsync(DatabaseRequest request, CancellationToken cancellationToken);
}
