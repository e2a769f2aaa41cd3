namespace Ashlar.Expressions;

/// <summary>Units of time for date arithmetic and truncation.</summary>
public enum TimeUnit
{
    /// <summary>Seconds.</summary>
    Second,

    /// <summary>Minutes.</summary>
    Minute,

    /// <summary>Hours.</summary>
    Hour,

    /// <summary>Days.</summary>
    Day,

    /// <summary>Weeks.</summary>
    Week,

    /// <summary>Months.</summary>
    Month,

    /// <summary>Years.</summary>
    Year,
}
