namespace Ashlar.Postgres.Errors;

/// <summary>What a named constraint means to callers: which resource and field it guards and what to tell them.</summary>
/// <param name="Resource">The resource whose table holds the constraint.</param>
/// <param name="Field">The field an error is reported on.</param>
/// <param name="Message">The message for a violation, or null for the default of its kind.</param>
/// <param name="ReferencedResource">For foreign keys: the referenced resource.</param>
/// <param name="ReferencedField">For foreign keys: the referenced attribute.</param>
internal sealed record ConstraintInfo(string Resource, string? Field, string? Message, string? ReferencedResource = null, string? ReferencedField = null)
{
    /// <summary>The table the constraint is on.</summary>
    public string? Table { get; init; }
}
