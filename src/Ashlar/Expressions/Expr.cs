using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>
/// A node of Ashlar's one expression tree. Typed lambdas and the safe input parser both produce it;
/// data layers compile it (the Postgres layer to parameterised SQL).
/// </summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public abstract record Expr;
