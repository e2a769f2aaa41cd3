using System.Diagnostics.CodeAnalysis;
using Ashlar.Expressions;
using Ashlar.Resources;

namespace Ashlar.DataLayer;

/// <summary>A calculation to compute for every record a read returns, with its expression for this query's arguments.</summary>
/// <param name="Calculation">The declared calculation.</param>
/// <param name="Expression">Its expression over the read's resource.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record CalculationPlan(CalculationDefinition Calculation, Expr Expression);
