using Ashlar.Errors;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Ashlar.AspNetCore.Tests;

/// <summary>The status and body per error kind, for the kinds the HTTP tests cannot provoke on demand.</summary>
public sealed class ProblemDetailsMappingTests
{
    [Fact]
    public void A_stale_record_is_a_409_conflict()
    {
        var problem = AshlarProblemDetails.Create(AshlarException.From(new StaleRecord("the record was changed or deleted since it was read") { Resource = "Ticket" }));

        Assert.Equal(StatusCodes.Status409Conflict, problem.Status);
        Assert.Equal("Ticket: the record was changed or deleted since it was read", problem.Detail);
    }

    [Fact]
    public void An_unavailable_database_is_a_503()
    {
        var exception = AshlarException.From(new Unavailable("the server is restarting") { IsTransient = true });

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, AshlarProblemDetails.StatusCodeOf(exception));
    }

    [Fact]
    public void Errors_without_a_field_are_listed_under_the_empty_key_beside_the_field_errors()
    {
        var problem = Assert.IsType<HttpValidationProblemDetails>(AshlarProblemDetails.Create(AshlarException.From(
        [
            new Required { Resource = "Ticket", Field = "subject" },
            new InvalidAttribute("is too long") { Resource = "Ticket", Field = "subject" },
            new InvalidAttribute("the input is not an object") { Resource = "Ticket" },
        ])));

        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Equal(["is required", "is too long"], problem.Errors["subject"]);
        Assert.Equal(["the input is not an object"], problem.Errors[""]);
    }

    [Fact]
    public void An_unknown_error_is_a_bare_500_that_reveals_nothing()
    {
        var problem = AshlarProblemDetails.Create(AshlarException.From(new UnknownError("relation \"secret_table\" does not exist")));

        Assert.Equal(StatusCodes.Status500InternalServerError, problem.Status);
        Assert.Null(problem.Detail);
        Assert.Empty(problem.Extensions);
    }
}
