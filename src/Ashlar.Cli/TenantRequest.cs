namespace Ashlar.Cli;

/// <summary>The <c>--tenants</c> part of migrate, rollback and status: which tenants, how many at once, where the report goes.</summary>
internal sealed record TenantRequest(IReadOnlyList<string> Only, IReadOnlyList<string> Except, int Jobs, bool FailFast, string? ReportPath)
{
    public bool Equals(TenantRequest? other) =>
        other is not null && Only.SequenceEqual(other.Only) && Except.SequenceEqual(other.Except) && Jobs == other.Jobs && FailFast == other.FailFast && ReportPath == other.ReportPath;

    public override int GetHashCode() => HashCode.Combine(Only.Count, Except.Count, Jobs, FailFast, ReportPath);
}
