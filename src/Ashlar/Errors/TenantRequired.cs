namespace Ashlar.Errors;

/// <summary>A tenant resource was read or written without a tenant, and it is not declared global.</summary>
public sealed record TenantRequired(string Message) : AshlarError("tenant_required", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
