using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Ashlar.AspNetCore.Tests;

public sealed class HelpDeskWebTests(HelpDeskWebFixture web) : IClassFixture<HelpDeskWebFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => web.Client;

    [Fact]
    public async Task The_list_filters_with_json_input_and_sorts()
    {
        var (organization, reporter) = await OrganizationWithReporterAsync("Listers");
        foreach (var (subject, priority) in new[] { ("Low printer", 1), ("Mid printer", 3), ("High printer", 5) })
        {
            await PostAsync($"/organizations/{organization}/tickets?action=open", new { subject, priority, organization_id = organization, reporter_id = reporter });
        }

        var filter = JsonSerializer.Serialize(new { priority = new { gte = 2 } });
        using var response = await Http.GetAsync($"/organizations/{organization}/tickets?filter={Uri.EscapeDataString(filter)}&sort=-priority", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tickets = await JsonAsync(response);
        Assert.Equal(["High printer", "Mid printer"], tickets.EnumerateArray().Select(t => t.GetProperty("subject").GetString()));
        Assert.Equal("open", tickets[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_update_and_destroy_go_through_the_actions()
    {
        var (organization, reporter) = await OrganizationWithReporterAsync("Cycle");
        var tickets = $"/organizations/{organization}/tickets";
        var created = await PostAsync($"{tickets}?action=open", new { subject = "Paper jam", organization_id = organization, reporter_id = reporter });
        var id = created.GetProperty("id").GetInt64();

        var read = await JsonAsync(await Http.GetAsync($"{tickets}/{id}", Ct));
        Assert.Equal("Paper jam", read.GetProperty("subject").GetString());

        using var assigned = await Http.PatchAsJsonAsync($"{tickets}/{id}?action=assign", new { assignee_id = reporter }, Ct);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("in_progress", (await JsonAsync(assigned)).GetProperty("status").GetString());

        using var destroyed = await Http.DeleteAsync($"{tickets}/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, destroyed.StatusCode);
        using var gone = await Http.GetAsync($"{tickets}/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Invalid_input_is_a_400_problem_with_errors_per_field()
    {
        var (organization, reporter) = await OrganizationWithReporterAsync("Invalid");

        using var response = await Http.PostAsJsonAsync($"/organizations/{organization}/tickets?action=open",
            new { subject = "ab", priority = 9, organization_id = organization, reporter_id = reporter }, Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out var subject), problem.ToString());
        Assert.True(errors.TryGetProperty("priority", out _), problem.ToString());
        Assert.Contains("3", subject[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("ashlarErrors").EnumerateArray(), e => e.GetProperty("field").GetString() == "subject" && e.GetProperty("resource").GetString() == "Ticket");
        using var none = await Http.GetAsync($"/organizations/{organization}/tickets?filter={Uri.EscapeDataString(JsonSerializer.Serialize(new { subject = new { eq = "ab" } }))}", Ct);
        Assert.Empty((await JsonAsync(none)).EnumerateArray());
    }

    [Fact]
    public async Task A_bad_filter_or_sort_is_a_400_problem_naming_the_field()
    {
        var (organization, _) = await OrganizationWithReporterAsync("Filters");
        var tickets = $"/organizations/{organization}/tickets";
        using var unknown = await Http.GetAsync($"{tickets}?filter={Uri.EscapeDataString("""{"secret":{"eq":1}}""")}", Ct);
        var problem = await ProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("ashlarErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "invalid_filter_reference");
        Assert.Contains("secret", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var wrongType = await Http.GetAsync($"{tickets}?filter={Uri.EscapeDataString("""{"priority":{"eq":"high"}}""")}", Ct);
        var typed = await ProblemAsync(wrongType, HttpStatusCode.BadRequest);
        Assert.Contains(typed.GetProperty("ashlarErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "invalid_filter_value");

        using var notJson = await Http.GetAsync($"{tickets}?filter=%7Bnope", Ct);
        Assert.True((await ProblemAsync(notJson, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("filter", out _));

        using var badSort = await Http.GetAsync($"{tickets}?sort=-nope", Ct);
        await ProblemAsync(badSort, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_missing_record_is_a_404_problem()
    {
        var (organization, _) = await OrganizationWithReporterAsync("Missing");
        using var response = await Http.GetAsync($"/organizations/{organization}/tickets/987654321", Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(problem.GetProperty("ashlarErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "not_found");
        Assert.Contains("987654321", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_organizations_tickets_are_its_own_and_never_reachable_through_another_organization()
    {
        var (first, firstReporter) = await OrganizationWithReporterAsync("First");
        var (second, secondReporter) = await OrganizationWithReporterAsync("Second");
        await PostAsync($"/organizations/{first}/tickets?action=open", new { subject = "First's one", organization_id = first, reporter_id = firstReporter });
        var firstTwo = (await PostAsync($"/organizations/{first}/tickets?action=open", new { subject = "First's two", organization_id = first, reporter_id = firstReporter }))
            .GetProperty("id").GetInt64();
        await PostAsync($"/organizations/{second}/tickets?action=open", new { subject = "Second's one", organization_id = second, reporter_id = secondReporter });

        var firstList = await JsonAsync(await Http.GetAsync($"/organizations/{first}/tickets?sort=id", Ct));
        var secondList = await JsonAsync(await Http.GetAsync($"/organizations/{second}/tickets?sort=id", Ct));
        Assert.Equal(["First's one", "First's two"], firstList.EnumerateArray().Select(t => t.GetProperty("subject").GetString()));
        Assert.Equal(["Second's one"], secondList.EnumerateArray().Select(t => t.GetProperty("subject").GetString()));

        // The first organization's second ticket is not the second organization's, to read or to write.
        using var read = await Http.GetAsync($"/organizations/{second}/tickets/{firstTwo}", Ct);
        await ProblemAsync(read, HttpStatusCode.NotFound);
        using var update = await Http.PatchAsJsonAsync($"/organizations/{second}/tickets/{firstTwo}", new { subject = "Hijacked" }, Ct);
        await ProblemAsync(update, HttpStatusCode.NotFound);
        using var destroy = await Http.DeleteAsync($"/organizations/{second}/tickets/{firstTwo}", Ct);
        await ProblemAsync(destroy, HttpStatusCode.NotFound);
        Assert.Equal("First's two", (await JsonAsync(await Http.GetAsync($"/organizations/{first}/tickets/{firstTwo}", Ct))).GetProperty("subject").GetString());

        // An organization that does not exist has no schema: a typed refusal, not a database error.
        using var unknown = await Http.GetAsync($"/organizations/{Guid.NewGuid()}/tickets", Ct);
        var problem = await ProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("ashlarErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "invalid_tenant");
    }

    [Fact]
    public async Task A_value_already_taken_is_a_409_problem_naming_the_field()
    {
        var name = $"Twice {Guid.NewGuid():N}"[..30];
        await PostAsync("/organizations", new { name });

        using var again = await Http.PostAsJsonAsync("/organizations", new { name }, Ct);

        var problem = await ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(["an organization with this name already exists"], problem.GetProperty("errors").GetProperty("name").EnumerateArray().Select(e => e.GetString()));
        using var stored = await Http.GetAsync($"/organizations?filter={Uri.EscapeDataString(JsonSerializer.Serialize(new { name = new { eq = name } }))}", Ct);
        Assert.Single((await JsonAsync(stored)).EnumerateArray());
    }

    [Fact]
    public async Task An_update_of_a_stale_version_is_a_409_problem_and_writes_nothing()
    {
        var name = $"stale {Guid.NewGuid():N}"[..30];
        var created = await PostAsync("/tags", new { name });
        var id = created.GetProperty("id").GetGuid();
        var read = created.GetProperty("version").GetInt32();

        // Another client writes first, from the same version it read.
        using var first = await Http.PatchAsJsonAsync($"/tags/{id}?version={read}", new { color = "#111111" }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(read + 1, (await JsonAsync(first)).GetProperty("version").GetInt32());

        using var stale = await Http.PatchAsJsonAsync($"/tags/{id}?version={read}", new { color = "#222222" }, Ct);

        var problem = await ProblemAsync(stale, HttpStatusCode.Conflict);
        var error = Assert.Single(problem.GetProperty("ashlarErrors").EnumerateArray());
        Assert.Equal(("stale_record", "Tag"), (error.GetProperty("code").GetString(), error.GetProperty("resource").GetString()));
        Assert.Contains($"version {read} is no longer the stored version", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var stored = await Http.GetAsync($"/tags/{id}", Ct);
        var tag = await JsonAsync(stored);
        Assert.Equal(("#111111", read + 1), (tag.GetProperty("color").GetString(), tag.GetProperty("version").GetInt32()));

        using var staleDestroy = await Http.DeleteAsync($"/tags/{id}?version={read}", Ct);
        await ProblemAsync(staleDestroy, HttpStatusCode.Conflict);
        using var current = await Http.DeleteAsync($"/tags/{id}?version={read + 1}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
    }

    [Fact]
    public async Task A_version_for_a_resource_without_optimistic_locking_is_a_400_problem()
    {
        var organization = await PostAsync("/organizations", new { name = $"Unversioned {Guid.NewGuid():N}"[..30] });

        using var response = await Http.PatchAsJsonAsync($"/organizations/{organization.GetProperty("id").GetGuid()}?version=1", new { name = "Renamed" }, Ct);

        Assert.True((await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task The_health_check_queries_the_database()
    {
        using var response = await Http.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<(Guid Organization, Guid Reporter)> OrganizationWithReporterAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organization = (await PostAsync("/organizations", new { name = $"{name} {suffix}" })).GetProperty("id").GetGuid();
        var reporter = (await PostAsync("/users", new { email = $"{suffix}@{name.ToLowerInvariant()}.test", name = "Reporter", organization_id = organization }))
            .GetProperty("id").GetGuid();
        return (organization, reporter);
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.NotNull(response.Headers.Location);
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
