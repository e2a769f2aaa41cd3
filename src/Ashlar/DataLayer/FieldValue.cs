using System.Diagnostics.CodeAnalysis;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>An attribute and the value to write to it (already cast to the attribute's CLR type).</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public readonly record struct FieldValue(AttributeDefinition Attribute, object? Value);
