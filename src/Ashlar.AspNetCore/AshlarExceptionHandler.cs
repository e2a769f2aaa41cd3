using Ashlar.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Ashlar.AspNetCore;

/// <summary>Writes an <see cref="AshlarException"/> as problem details; leaves other exceptions to the next handler.</summary>
internal sealed class AshlarExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AshlarException ashlar)
        {
            return false;
        }

        var problem = AshlarProblemDetails.Create(ashlar);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable && ashlar.Has<Unavailable>(u => u.IsTransient))
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
