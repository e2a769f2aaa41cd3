namespace Ashlar.Resources;

/// <summary>A default computed anew for each record.</summary>
/// <param name="Kind">What to generate.</param>
public sealed record GeneratedDefault(GeneratedValue Kind) : DefaultValue;
