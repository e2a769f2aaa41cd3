namespace Ashlar.Resources;

/// <summary>How a compare validation compares a field with a value.</summary>
public enum CompareOperator
{
    /// <summary>Greater than the value.</summary>
    GreaterThan,

    /// <summary>Greater than or equal to the value.</summary>
    GreaterThanOrEqual,

    /// <summary>Less than the value.</summary>
    LessThan,

    /// <summary>Less than or equal to the value.</summary>
    LessThanOrEqual,
}
