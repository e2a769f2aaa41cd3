namespace Ashlar.Errors;

/// <summary>The request needs something the data layer or this version of Ashlar cannot do.</summary>
public sealed record UnsupportedFeature(string Message) : AshlarError("unsupported", Message)
{
    /// <inheritdoc />
    public override ErrorClass Class => ErrorClass.Framework;
}
