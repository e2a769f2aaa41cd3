using System.Linq.Expressions;

namespace Ashlar.Actions;

/// <summary>
/// A condition an update action checks in its update statement itself, against the row as stored when the statement
/// runs (e.g. "only while the ticket has no comments"): when it does not hold, the statement fails with a typed
/// <see cref="Errors.InvalidAttribute"/> naming <paramref name="Field"/> and <paramref name="Message"/>, and nothing is written.
/// </summary>
/// <param name="Condition">A lambda over the record: attributes, to-one paths, aggregates, calculations.</param>
/// <param name="Field">The field the error names.</param>
/// <param name="Message">The error's message.</param>
public sealed record AtomicValidation(LambdaExpression Condition, string Field, string Message);
