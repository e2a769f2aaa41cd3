namespace Ashlar.Errors;

/// <summary>An error Ashlar has no mapping for, such as an unexpected database error code.</summary>
public sealed record UnknownError(string Message) : AshlarError("unknown", Message)
{
    /// <summary>The database's error code (SQLSTATE), when the error came from the database.</summary>
    public string? SqlState { get; init; }

    /// <summary>The constraint the database named, when it named one.</summary>
    public string? Constraint { get; init; }

    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Unknown;
}
