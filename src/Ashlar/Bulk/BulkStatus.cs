namespace Ashlar.Bulk;

/// <summary>How a bulk operation ended.</summary>
public enum BulkStatus
{
    /// <summary>Every input was written.</summary>
    Success,

    /// <summary>Some inputs were written, others were refused (see <see cref="BulkResult{T}.Errors"/>).</summary>
    PartialSuccess,

    /// <summary>Nothing was written.</summary>
    Error,
}
