namespace Ashlar.Resources;

/// <summary>A default that is one fixed value.</summary>
/// <param name="Value">The value, already of the attribute's CLR type.</param>
public sealed record LiteralDefault(object Value) : DefaultValue;
