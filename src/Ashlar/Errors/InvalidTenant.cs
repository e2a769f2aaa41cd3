namespace Ashlar.Errors;

/// <summary>
/// A tenant name Ashlar refuses: not 1–63 ASCII letters, digits, <c>_</c> or <c>-</c>, a reserved schema name, or
/// (for attribute multitenancy) not a value of the tenant attribute's type.
/// </summary>
public sealed record InvalidTenant(string Message) : AshlarError("invalid_tenant", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
