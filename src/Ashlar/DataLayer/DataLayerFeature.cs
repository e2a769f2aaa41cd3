using System.Diagnostics.CodeAnalysis;

namespace Ashlar.DataLayer;

/// <summary>Features the domain asks a data layer about before relying on them.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public enum DataLayerFeature
{
    /// <summary>Filters that follow relationships.</summary>
    FilterThroughRelationships,

    /// <summary>Sorting.</summary>
    Sort,

    /// <summary>Limit and offset.</summary>
    Paginate,

    /// <summary>Transactions.</summary>
    Transactions,

    /// <summary>Schema-per-tenant multitenancy.</summary>
    SchemaMultitenancy,
}
