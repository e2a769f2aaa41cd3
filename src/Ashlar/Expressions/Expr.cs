namespace Ashlar.Expressions;

/// <summary>
/// A node of Ashlar's one expression tree. Typed lambdas and the safe input parser both produce it;
/// data layers compile it (the Postgres layer to parameterised SQL).
/// </summary>
public abstract record Expr;
