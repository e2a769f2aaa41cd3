namespace Ashlar.Postgres.Migrations.Tenants;

/// <summary>One tenant's line of a <see cref="TenantRunReport"/>.</summary>
/// <param name="Tenant">The tenant (its schema name).</param>
/// <param name="FromVersion">The newest applied version before the run; <c>0</c> when none; null when never read (skipped).</param>
/// <param name="ToVersion">The newest applied version after the run (for status, of the files); null when skipped.</param>
/// <param name="Status">What happened.</param>
/// <param name="Error">Why it failed or was skipped, or null.</param>
/// <param name="Milliseconds">How long the tenant took, lock wait included.</param>
/// <param name="Migrations">How many migrations were applied or rolled back (for status: pending).</param>
public sealed record TenantResult(string Tenant, string? FromVersion, string? ToVersion, TenantStatus Status, string? Error, long Milliseconds, int Migrations);
