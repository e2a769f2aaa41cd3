using System.Text.Json;

namespace Ashlar.Postgres.Migrations.Tenants;

/// <summary>What a tenant run did: one result per tenant, in the order the tenants were given.</summary>
/// <param name="Operation"><c>migrate</c>, <c>rollback</c> or <c>status</c>.</param>
/// <param name="Tenants">One result per tenant.</param>
/// <param name="Elapsed">The run's wall-clock time.</param>
public sealed record TenantRunReport(string Operation, IReadOnlyList<TenantResult> Tenants, TimeSpan Elapsed)
{
    /// <summary>
    /// True when every tenant is done or up to date. A failed or skipped tenant makes it false; for status, so does a
    /// tenant with pending migrations. A run over zero tenants is a success that says so.
    /// </summary>
    public bool Succeeded => Tenants.All(t => t.Status is TenantStatus.Done or TenantStatus.UpToDate);

    /// <summary>How many tenants ended with <paramref name="status"/>.</summary>
    public int Count(TenantStatus status) => Tenants.Count(t => t.Status == status);

    /// <summary>A one-line summary, e.g. <c>1000 tenants: 999 migrated, 0 up to date, 1 failed, 0 skipped in 12.3 s</c>.</summary>
    public string Summary => Tenants.Count == 0
        ? $"0 tenants: nothing to {Operation} (the tenant list is empty)."
        : $"{Tenants.Count} tenants: {Count(TenantStatus.Done)} {DoneWord}, {Count(TenantStatus.UpToDate)} up to date, "
          + (Operation == "status" ? $"{Count(TenantStatus.Pending)} pending, " : "")
          + $"{Count(TenantStatus.Failed)} failed, {Count(TenantStatus.Skipped)} skipped in {Elapsed.TotalSeconds:0.0} s.";

    private string DoneWord => Operation switch
    {
        "rollback" => "rolled back",
        _ => "migrated",
    };

    /// <summary>
    /// The report as JSON: <c>operation</c>, <c>succeeded</c>, <c>elapsed_ms</c> and <c>tenants</c>, each with
    /// <c>tenant</c>, <c>from_version</c>, <c>to_version</c>, <c>status</c>, <c>error</c>, <c>milliseconds</c>,
    /// <c>migrations</c>.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("operation", Operation);
            json.WriteBoolean("succeeded", Succeeded);
            json.WriteNumber("elapsed_ms", (long)Elapsed.TotalMilliseconds);
            json.WriteStartArray("tenants");
            foreach (var tenant in Tenants)
            {
                json.WriteStartObject();
                json.WriteString("tenant", tenant.Tenant);
                json.WriteString("from_version", tenant.FromVersion);
                json.WriteString("to_version", tenant.ToVersion);
                json.WriteString("status", StatusName(tenant.Status));
                json.WriteString("error", tenant.Error);
                json.WriteNumber("milliseconds", tenant.Milliseconds);
                json.WriteNumber("migrations", tenant.Migrations);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The status as written in reports: <c>done</c>, <c>up_to_date</c>, <c>pending</c>, <c>failed</c>, <c>skipped</c>.</summary>
    public static string StatusName(TenantStatus status) => status switch
    {
        TenantStatus.Done => "done",
        TenantStatus.UpToDate => "up_to_date",
        TenantStatus.Pending => "pending",
        TenantStatus.Failed => "failed",
        _ => "skipped",
    };
}
