namespace Ashlar.Errors;

/// <summary>
/// One thing that went wrong, as a value: what kind, which resource and field, and a message a person can read.
/// Exceptions carry a list of these; bulk results carry them per row.
/// </summary>
/// <param name="Code">A stable, machine-readable code such as <c>invalid_attribute</c>.</param>
/// <param name="Message">What went wrong, in words, without the field name.</param>
public abstract record AshlarError(string Code, string Message)
{
    /// <summary>The resource the error concerns, when there is one.</summary>
    public string? Resource { get; init; }

    /// <summary>The field (attribute or argument name) the error concerns, when there is one.</summary>
    public string? Field { get; init; }

    /// <summary>The error class this error belongs to; decides which exception type carries it.</summary>
    public abstract ErrorClass Class { get; }

    /// <summary>The full sentence: resource, field and message.</summary>
    public sealed override string ToString()
    {
        var subject = (Resource, Field) switch
        {
            (not null, not null) => $"{Resource}.{Field}: ",
            (not null, null) => $"{Resource}: ",
            (null, not null) => $"{Field}: ",
            _ => "",
        };
        return subject + Message;
    }
}
