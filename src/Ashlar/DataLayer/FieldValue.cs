using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>An attribute and the value to write to it (already cast to the attribute's CLR type).</summary>
public readonly record struct FieldValue(AttributeDefinition Attribute, object? Value);
