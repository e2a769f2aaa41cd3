namespace Ashlar.Bulk;

/// <summary>Thrown inside a bulk write's row stream to cancel it; never escapes the bulk operation.</summary>
internal sealed class BulkAbort : Exception
{
    public BulkAbort()
        : base("The bulk write was cancelled by an invalid input.")
    {
    }
}
