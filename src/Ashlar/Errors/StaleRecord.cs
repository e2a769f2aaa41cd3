namespace Ashlar.Errors;

/// <summary>An update or destroy found no row: the record was deleted (or changed its key) since it was read.</summary>
public sealed record StaleRecord(string Message) : AshlarError("stale_record", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Invalid;
}
