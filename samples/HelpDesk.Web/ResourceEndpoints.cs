using System.Text.Json;
using Ashlar.Domains;
using Ashlar.Queries;
using Ashlar.Resources;

namespace HelpDesk.Web;

/// <summary>The five endpoints of one resource. Ashlar's errors become problem details (see <c>AddAshlarProblemDetails</c>).</summary>
public static class ResourceEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    /// <summary>
    /// Maps <c>GET prefix?filter=&amp;sort=&amp;limit=&amp;offset=</c>, <c>GET prefix/{id}</c>, <c>POST prefix?action=</c>,
    /// <c>PATCH prefix/{id}?action=</c> and <c>DELETE prefix/{id}</c> for <typeparamref name="T"/>.
    /// </summary>
    public static RouteGroupBuilder MapResource<T, TKey>(this IEndpointRouteBuilder app, string prefix)
        where T : class, IResource<T>
        where TKey : notnull
    {
        var group = app.MapGroup(prefix).WithTags(typeof(T).Name);

        group.MapGet("/", async (Domain domain, string? filter, string? sort, int? limit, int? offset, CancellationToken ct) =>
        {
            var query = Query.For<T>();
            if (!string.IsNullOrEmpty(filter))
            {
                JsonElement input;
                try
                {
                    using var document = JsonDocument.Parse(filter);
                    input = document.RootElement.Clone();
                }
                catch (JsonException e)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = [$"is not JSON: {e.Message}"] });
                }

                query = query.FilterInput(input);
            }

            if (!string.IsNullOrEmpty(sort))
            {
                query = query.SortInput(sort);
            }

            if (limit is < 1 or > MaxLimit || offset is < 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    [limit is < 1 or > MaxLimit ? "limit" : "offset"] = [$"must be 1 to {MaxLimit} (limit) and 0 or more (offset)"],
                });
            }

            query = query.Limit(limit ?? DefaultLimit);
            if (offset is > 0)
            {
                query = query.Offset(offset.Value);
            }

            return Results.Ok(await domain.ReadAsync(query, cancellationToken: ct));
        });

        group.MapGet("/{id}", async (Domain domain, TKey id, CancellationToken ct) =>
            Results.Ok(await domain.GetAsync<T>(id, cancellationToken: ct)));

        group.MapPost("/", async (Domain domain, JsonElement body, string? action, HttpContext http, CancellationToken ct) =>
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                return NotAnObject();
            }

            var created = await domain.CreateAsync<T>(body, action, cancellationToken: ct);
            var key = domain.Model.Resource<T>().PrimaryKey[0].Property.GetValue(created);
            return Results.Created($"{http.Request.PathBase}{prefix}/{key}", created);
        });

        group.MapPatch("/{id}", async (Domain domain, TKey id, JsonElement body, string? action, CancellationToken ct) =>
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                return NotAnObject();
            }

            var record = await domain.GetAsync<T>(id, cancellationToken: ct);
            return Results.Ok(await domain.UpdateAsync(record, body, action, cancellationToken: ct));
        });

        group.MapDelete("/{id}", async (Domain domain, TKey id, CancellationToken ct) =>
        {
            var record = await domain.GetAsync<T>(id, cancellationToken: ct);
            await domain.DestroyAsync(record, cancellationToken: ct);
            return Results.NoContent();
        });

        return group;
    }

    private static IResult NotAnObject() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [""] = ["the body must be a JSON object of attribute names and values"] });
}
