namespace Ashlar.Bulk;

/// <summary>How a bulk operation groups its writes into transactions.</summary>
public enum BulkTransaction
{
    /// <summary>The whole call is one transaction: any error writes nothing.</summary>
    All,

    /// <summary>Each batch is its own transaction: batches written before an error stay written.</summary>
    Batch,
}
