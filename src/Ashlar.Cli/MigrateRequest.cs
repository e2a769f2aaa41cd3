namespace Ashlar.Cli;

/// <summary>The parsed <c>migrate</c> command.</summary>
internal sealed record MigrateRequest(TimeSpan? LockTimeout, bool StrictChecksums, TenantRequest? Tenants = null);
