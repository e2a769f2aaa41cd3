using Ashlar.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Ashlar.AspNetCore;

/// <summary>
/// How an <see cref="AshlarException"/> reads as RFC 9457 problem details: the status per error kind, the message as
/// <c>detail</c>, <c>errors</c> per field (the attribute or argument name; errors of no field under <c>""</c>) and every
/// error's code under <c>ashlarErrors</c>. Unknown and framework errors become a bare 500 that reveals nothing.
/// </summary>
public static class AshlarProblemDetails
{
    private const string Conflict = "23505";
    private const string ExclusionConflict = "23P01";

    /// <summary>
    /// The HTTP status for an exception: 403 forbidden; 503 when something is <see cref="Unavailable"/>; 404 when a
    /// record is <see cref="NotFound"/>; 409 for a <see cref="StaleRecord"/> or a value a unique index or exclusion
    /// constraint already holds; 400 for any other invalid input (attributes, arguments, filters, sorts, tenants); 500
    /// for framework and unknown errors.
    /// </summary>
    /// <param name="exception">What the operation threw.</param>
    /// <returns>The status code.</returns>
    public static int StatusCodeOf(AshlarException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ForbiddenException => StatusCodes.Status403Forbidden,
            InvalidException when exception.Has<Unavailable>() => StatusCodes.Status503ServiceUnavailable,
            InvalidException when exception.Has<NotFound>() => StatusCodes.Status404NotFound,
            InvalidException when exception.Has<StaleRecord>() || IsConflict(exception) => StatusCodes.Status409Conflict,
            InvalidException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
    }

    /// <summary>The problem details for an exception (see <see cref="StatusCodeOf"/> for the status).</summary>
    /// <param name="exception">What the operation threw.</param>
    /// <returns>A <see cref="HttpValidationProblemDetails"/> (with <c>errors</c> per field) for 400 and 409; a <see cref="ProblemDetails"/> otherwise.</returns>
    public static ProblemDetails Create(AshlarException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = StatusCodeOf(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            return new ProblemDetails { Status = status, Title = "An unexpected error occurred." };
        }

        ProblemDetails problem = status is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict
            ? new HttpValidationProblemDetails(FieldErrors(exception.Errors))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = status switch
        {
            StatusCodes.Status400BadRequest => "The request is invalid.",
            StatusCodes.Status403Forbidden => "The request is forbidden.",
            StatusCodes.Status404NotFound => "The record was not found.",
            StatusCodes.Status409Conflict => "The request conflicts with the stored data.",
            _ => "The database is unavailable; try again later.",
        };
        problem.Detail = exception.Message;
        problem.Extensions["ashlarErrors"] = exception.Errors
            .Select(e => new AshlarErrorBody(e.Code, e.Resource, e.Field, e.Message))
            .ToList();
        return problem;
    }

    private static Dictionary<string, string[]> FieldErrors(IReadOnlyList<AshlarError> errors) =>
        errors.GroupBy(e => e.Field ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    private static bool IsConflict(AshlarException exception) =>
        exception.InnerException is PostgresException { SqlState: Conflict or ExclusionConflict };

    /// <summary>One error as it appears in <c>ashlarErrors</c>.</summary>
    private sealed record AshlarErrorBody(string Code, string? Resource, string? Field, string Message);
}
