namespace Ashlar.Cli.Tests;

/// <summary>Records what the parser asked for instead of doing it.</summary>
internal sealed class RecordingHandler : ICliHandler
{
    public List<object> Calls { get; } = [];

    public Task<int> CodegenAsync(CodegenRequest request, CancellationToken cancellationToken) => Record(request);

    public Task<int> MigrateAsync(MigrateRequest request, CancellationToken cancellationToken) => Record(request);

    public Task<int> RollbackAsync(RollbackRequest request, CancellationToken cancellationToken) => Record(request);

    public Task<int> StatusAsync(TenantRequest? tenants, CancellationToken cancellationToken) => Record(tenants is null ? "status" : tenants);

    public Task<int> RemoveAsync(RemoveRequest request, CancellationToken cancellationToken) => Record(request);

    public Task<int> DatabaseAsync(DatabaseRequest request, CancellationToken cancellationToken) => Record(request);

    private Task<int> Record(object call)
    {
        Calls.Add(call);
        return Task.FromResult(0);
    }
}
