namespace Ashlar.Cli;

/// <summary>The parsed <c>rollback</c> command: <see cref="Step"/> migrations, or down to <see cref="To"/>.</summary>
internal sealed record RollbackRequest(int? Step, string? To, TimeSpan? LockTimeout, TenantRequest? Tenants = null);
