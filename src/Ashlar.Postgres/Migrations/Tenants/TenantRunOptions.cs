using Ashlar.Postgres.Migrations.Running;

namespace Ashlar.Postgres.Migrations.Tenants;

/// <summary>How a <see cref="TenantMigrationRunner"/> runs: parallelism, failure policy and the per-tenant runner options.</summary>
public sealed record TenantRunOptions
{
    /// <summary>How many tenants run at once, each on its own connection; 1 by default.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>When true, the first failing tenant stops the run: tenants not started yet are reported as skipped.</summary>
    public bool FailFast { get; init; }

    /// <summary>
    /// History table name, lock timeout and poll interval, checksum strictness, application name. The history schema is
    /// ignored: each tenant's history table is in the tenant's own schema.
    /// </summary>
    public MigrationRunnerOptions Runner { get; init; } = new();
}
