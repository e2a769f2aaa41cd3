namespace Ashlar.Resources;

/// <summary>What an aggregate computes over the related records.</summary>
public enum AggregateKind
{
    /// <summary>How many related records there are.</summary>
    Count,

    /// <summary>The sum of a field.</summary>
    Sum,

    /// <summary>The average of a field.</summary>
    Avg,

    /// <summary>The smallest value of a field.</summary>
    Min,

    /// <summary>The largest value of a field.</summary>
    Max,

    /// <summary>The field of the first related record (in the relationship's sort), skipping nils.</summary>
    First,

    /// <summary>Every value of a field, as a list.</summary>
    List,

    /// <summary>Whether any related record exists.</summary>
    Exists,
}
