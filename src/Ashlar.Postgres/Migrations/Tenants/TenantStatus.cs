namespace Ashlar.Postgres.Migrations.Tenants;

/// <summary>What a tenant run did for one tenant.</summary>
public enum TenantStatus
{
    /// <summary>Pending migrations were applied (or, for rollback, rolled back); the tenant is where it was asked to be.</summary>
    Done,

    /// <summary>Nothing was pending (or nothing to roll back); nothing was changed.</summary>
    UpToDate,

    /// <summary>Status only: the tenant has migrations pending.</summary>
    Pending,

    /// <summary>A migration failed; the tenant stays at its last good version (<see cref="TenantResult.ToVersion"/>).</summary>
    Failed,

    /// <summary>The tenant was not touched: the run stopped first (<c>--fail-fast</c> or cancellation).</summary>
    Skipped,
}
