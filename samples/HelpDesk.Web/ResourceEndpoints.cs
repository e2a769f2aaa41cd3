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
    /// <c>PATCH prefix/{id}?action=&amp;version=</c> and <c>DELETE prefix/{id}?version=</c> for <typeparamref name="T"/>.
    /// For a resource with optimistic locking, <c>version</c> is the version the client read: a record written since
    /// then is refused with a 409 (<c>stale_record</c>) instead of overwriting the other write.
    /// For a tenant resource, <paramref name="tenantOf"/> reads the tenant from the request (e.g. from the route, as in
    /// <c>/organizations/{organization}/tickets</c>): every read and write of the endpoints goes to that tenant.
    /// </summary>
    public static RouteGroupBuilder MapResource<T, TKey>(this IEndpointRouteBuilder app, string prefix, Func<HttpRequest, string>? tenantOf = null)
        where T : class, IResource<T>
        where TKey : notnull
    {
        var group = app.MapGroup(prefix).WithTags(typeof(T).Name);

        group.MapGet("/", async (Domain domain, string? filter, string? sort, int? limit, int? offset, HttpRequest request, CancellationToken ct) =>
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

            return Results.Ok(await domain.ReadAsync(query, tenantOf?.Invoke(request), ct));
        });

        group.MapGet("/{id}", async (Domain domain, TKey id, HttpRequest request, CancellationToken ct) =>
            Results.Ok(await domain.GetAsync<T>(id, tenantOf?.Invoke(request), ct)));

        group.MapPost("/", async (Domain domain, JsonElement body, string? action, HttpContext http, CancellationToken ct) =>
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                return NotAnObject();
            }

            var created = await domain.CreateAsync<T>(body, action, tenantOf?.Invoke(http.Request), ct);
            var key = domain.Model.Resource<T>().PrimaryKey[0].Property.GetValue(created);
            return Results.Created($"{http.Request.PathBase}{http.Request.Path.Value!.TrimEnd('/')}/{key}", created);
        });

        group.MapPatch("/{id}", async (Domain domain, TKey id, JsonElement body, string? action, long? version, HttpRequest request, CancellationToken ct) =>
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                return NotAnObject();
            }

            var tenant = tenantOf?.Invoke(request);
            var record = await domain.GetAsync<T>(id, tenant, ct);
            if (AsRead(domain, record, version) is { } refused)
            {
                return refused;
            }

            return Results.Ok(await domain.UpdateAsync(record, body, action, tenant, ct));
        });

        group.MapDelete("/{id}", async (Domain domain, TKey id, long? version, HttpRequest request, CancellationToken ct) =>
        {
            var tenant = tenantOf?.Invoke(request);
            var record = await domain.GetAsync<T>(id, tenant, ct);
            if (AsRead(domain, record, version) is { } refused)
            {
                return refused;
            }

            await domain.DestroyAsync(record, tenant: tenant, cancellationToken: ct);
            return Results.NoContent();
        });

        return group;
    }

    /// <summary>
    /// Puts the version the client read (<c>?version=</c>) into the record just loaded, so the write is checked against
    /// it: without one, the write goes against the version loaded now.
    /// </summary>
    private static IResult? AsRead<T>(Domain domain, T record, long? version)
        where T : class, IResource<T>
    {
        if (version is null)
        {
            return null;
        }

        if (domain.Model.Resource<T>().OptimisticLock is not { } attribute)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [$"{typeof(T).Name} has no optimistic lock; leave version out"] });
        }

        try
        {
            attribute.Property.SetValue(record, Convert.ChangeType(version.Value, attribute.Property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
        catch (OverflowException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [$"is out of range for {typeof(T).Name}'s version"] });
        }
    }

    private static IResult NotAnObject() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [""] = ["the body must be a JSON object of attribute names and values"] });
}
