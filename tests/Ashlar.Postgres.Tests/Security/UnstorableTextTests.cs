using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Security;

/// <summary>
/// Text PostgreSQL cannot store (NUL, lone surrogates, invalid UTF-8) and values it would refuse (a LIKE pattern
/// ending in its escape character, IN over arrays) are typed errors naming the field, refused before any SQL runs.
/// </summary>
public sealed class UnstorableTextTests(SpecimenFixture db) : IClassFixture<SpecimenFixture>
{
    private const string Lone = "a\ud800b";
    private const string Nul = "a\0b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Unstorable => [Lone, Nul, "\udc00", "x\ud800"];

    [Theory]
    [MemberData(nameof(Unstorable))]
    public async Task Unstorable_text_in_created_values_is_an_invalid_attribute(string text)
    {
        await Refused<InvalidAttribute>("name", () => db.Domain.CreateAsync<Specimen>(new { name = text }, cancellationToken: Ct));
        await Refused<InvalidAttribute>("name", () => db.Domain.CreateAsync<Specimen>(new Dictionary<string, object?> { ["name"] = text }, cancellationToken: Ct));
        await Refused<InvalidAttribute>("nickname", () => db.Domain.CreateAsync<Specimen>(new { name = "n", nickname = text }, cancellationToken: Ct));
        await Refused<InvalidAttribute>("tags", () => db.Domain.CreateAsync<Specimen>(new { name = "n", tags = new[] { "ok", text } }, cancellationToken: Ct));
        await Refused<InvalidAttribute>("data", () => db.Domain.CreateAsync<Specimen>(new { name = "n", data = new Dictionary<string, object?> { ["k"] = text } }, cancellationToken: Ct));
        await Refused<InvalidAttribute>("data", () => db.Domain.CreateAsync<Specimen>(
            new { name = "n", data = new Dictionary<string, object?> { ["outer"] = new Dictionary<string, object?> { [text] = 1 } } }, cancellationToken: Ct));
        await Refused<InvalidAttribute>("data", () => db.Domain.CreateAsync<Specimen>(
            new { name = "n", data = new Dictionary<string, object?> { ["list"] = new object?[] { 1, new[] { text } } } }, cancellationToken: Ct));
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            // An object in a map is checked as the JSON it serializes to (which writes a lone surrogate as U+FFFD).
            await Refused<InvalidAttribute>("data", () => db.Domain.CreateAsync<Specimen>(
                new { name = "n", data = new Dictionary<string, object?> { ["object"] = new { inner = text } } }, cancellationToken: Ct));
        }

        await Refused<InvalidAttribute>("name", () => db.Domain.UpdateAsync(db.Stored, new { name = text }, cancellationToken: Ct));
        await Refused<InvalidAttribute>("tags", () => db.Domain.UpdateAsync(db.Stored, new { tags = new List<string> { text } }, cancellationToken: Ct));
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("a\\ud800")]
    [InlineData("\\udfff")]
    public async Task Unstorable_text_in_json_create_input_is_an_invalid_attribute(string escaped)
    {
        await Refused<InvalidAttribute>("name", () => db.Domain.CreateAsync<Specimen>(Json($$$"""{"name": "{{{escaped}}}"}"""), cancellationToken: Ct));
        await Refused<InvalidAttribute>("tags", () => db.Domain.CreateAsync<Specimen>(Json($$$"""{"name": "n", "tags": ["{{{escaped}}}"]}"""), cancellationToken: Ct));
        await Refused<InvalidAttribute>("data", () => db.Domain.CreateAsync<Specimen>(Json($$$"""{"name": "n", "data": {"k": "{{{escaped}}}"}}"""), cancellationToken: Ct));
        await Refused<InvalidAttribute>("data", () => db.Domain.CreateAsync<Specimen>(Json($$$"""{"name": "n", "data": {"{{{escaped}}}": 1}}"""), cancellationToken: Ct));
        await Refused<InvalidAttribute>("raw", () => db.Domain.CreateAsync<Specimen>(Json($$$"""{"name": "n", "raw": {"a": [{"{{{escaped}}}": true}]}}"""), cancellationToken: Ct));
        await Refused<InvalidAttribute>("raw", () => db.Domain.CreateAsync<Specimen>(Json($$$"""{"name": "n", "raw": "{{{escaped}}}"}"""), cancellationToken: Ct));
        Func<Task> unreadableName = () => db.Domain.CreateAsync<Specimen>(Json($$$"""{"name": "n", "{{{escaped}}}": 1}"""), cancellationToken: Ct);
        await (escaped.Contains("\\ud", StringComparison.Ordinal)
            ? Refused<InvalidAttribute>(null, unreadableName)
            : Refused<NoSuchInput>(null, unreadableName)); // a name with NUL decodes, and names no input
        await Refused<InvalidAttribute>("name", () => db.Domain.UpdateAsync(db.Stored, Json($$$"""{"name": "{{{escaped}}}"}"""), cancellationToken: Ct));
    }

    [Fact]
    public async Task Invalid_utf8_in_json_input_is_a_typed_error()
    {
        await Refused<InvalidAttribute>("name", () => db.Domain.CreateAsync<Specimen>(Utf8("{\"name\": \"a", 0xff, "\"}"), cancellationToken: Ct));
        await Refused<InvalidAttribute>("data", () => db.Domain.CreateAsync<Specimen>(Utf8("{\"name\": \"n\", \"data\": {\"k\": \"", 0xc3, "\"}}"), cancellationToken: Ct));
        await Refused<InvalidAttribute>(null, () => db.Domain.CreateAsync<Specimen>(Utf8("{\"", 0xfe, "\": 1}"), cancellationToken: Ct));
        await Refused<InvalidFilterValue>("name", () => Read(Query.For<Specimen>().FilterInput(Utf8("{\"name\": {\"eq\": \"", 0xff, "\"}}"))));
        await Refused<InvalidFilterReference>(null, () => Read(Query.For<Specimen>().FilterInput(Utf8("{\"", 0xff, "\": 1}"))));
        await Refused<InvalidFilterReference>("name", () => Read(Query.For<Specimen>().FilterInput(Utf8("{\"name\": {\"", 0xff, "\": 1}}"))));
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("a\\ud800")]
    public async Task Unstorable_text_in_filter_input_is_typed(string escaped)
    {
        foreach (var op in new[] { "eq", "not_eq", "gt", "contains", "starts_with", "ends_with", "like", "ilike" })
        {
            await Refused<InvalidFilterValue>("name", () => Read(Query.For<Specimen>().FilterInput(Json($$$"""{"name": {"{{{op}}}": "{{{escaped}}}"}}"""))));
            await Refused<InvalidFilterValue>("nickname", () => Read(Query.For<Specimen>().FilterInput(Json($$$"""{"nickname": {"{{{op}}}": "{{{escaped}}}"}}"""))));
        }

        await Refused<InvalidFilterValue>("name", () => Read(Query.For<Specimen>().FilterInput(Json($$$"""{"name": {"in": ["ok", "{{{escaped}}}"]}}"""))));
        await Refused<InvalidFilterValue>("tags", () => Read(Query.For<Specimen>().FilterInput(Json($$$"""{"tags": {"eq": ["{{{escaped}}}"]}}"""))));
        await Refused<InvalidFilterValue>("data", () => Read(Query.For<Specimen>().FilterInput(Json("{\"data\": {\"eq\": {\"k\": \"" + escaped + "\"}}}"))));
        await Refused<InvalidFilterReference>(null, () => Read(Query.For<Specimen>().FilterInput(Json($$$"""{"{{{escaped}}}": 1}"""))));
        await Refused<InvalidFilterReference>("name", () => Read(Query.For<Specimen>().FilterInput(Json($$$"""{"name": {"{{{escaped}}}": 1}}"""))));
    }

    [Theory]
    [MemberData(nameof(Unstorable))]
    public async Task Unstorable_text_in_linq_filter_values_is_an_invalid_filter_value(string s)
    {
        var tags = new[] { "ok", s };
        Expression<Func<Specimen, bool>>[] filters =
        [
            x => x.Name == s, x => x.Name != s, x => x.Nickname == s, x => x.Name.Contains(s), x => x.Name.StartsWith(s),
            x => x.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase), x => tags.Contains(x.Name), x => x.Tags!.Contains(s),
            x => Fn.Like(x.Name, s), x => Fn.ILike(x.Nickname, s), x => Fn.Overlaps(x.Tags, tags), x => x.Name + s == "x",
            x => Fn.JsonGet<string>(x.Data, "k") == s, x => Fn.JsonGet<string>(x.Data, s) == "v", x => Fn.Concat(x.Name, s) == "v",
        ];
        foreach (var filter in filters)
        {
            await Refused<InvalidFilterValue>(null, () => Read(Query.For<Specimen>().Filter(filter)));
        }
    }

    [Fact]
    public async Task In_over_an_array_attribute_is_an_invalid_filter_value()
    {
        await Refused<InvalidFilterValue>("tags", () => Read(Query.For<Specimen>().FilterInput(Json("""{"tags": {"in": [["a"]]}}"""))));
        await Refused<InvalidFilterValue>("data", () => Read(Query.For<Specimen>().FilterInput(Json("""{"data": {"in": [{"a": 1}]}}"""))));
        var candidates = new List<string[]?> { new[] { "a" } };
        await Refused<InvalidFilterValue>(null, () => Read(Query.For<Specimen>().Filter(x => candidates.Contains(x.Tags))));
    }

    [Theory]
    [InlineData("\\\\")]
    [InlineData("abc\\\\")]
    [InlineData("a\\\\\\\\\\\\")]
    public async Task A_like_pattern_ending_in_its_escape_character_is_an_invalid_filter_value(string escaped)
    {
        var pattern = JsonSerializer.Deserialize<string>($"\"{escaped}\"")!;
        await Refused<InvalidFilterValue>("name", () => Read(Query.For<Specimen>().FilterInput(Json($$$"""{"name": {"like": "{{{escaped}}}"}}"""))));
        await Refused<InvalidFilterValue>("nickname", () => Read(Query.For<Specimen>().FilterInput(Json($$$"""{"nickname": {"ilike": "{{{escaped}}}"}}"""))));
        await Refused<InvalidFilterValue>(null, () => Read(Query.For<Specimen>().Filter(x => Fn.Like(x.Name, pattern))));
        await Refused<InvalidFilterValue>(null, () => Read(Query.For<Specimen>().Filter(x => Fn.ILike(x.Nickname, pattern))));
    }

    [Fact]
    public async Task A_like_pattern_ending_in_an_escaped_backslash_matches_it()
    {
        var saved = await db.Domain.CreateAsync<Specimen>(new { name = "ends in \\" }, cancellationToken: Ct);

        var found = await Read(Query.For<Specimen>().FilterInput(Json("""{"name": {"like": "%\\\\"}}""")));
        Assert.Contains(saved.Id, found.Select(s => s.Id));
        Assert.Contains(saved.Id, (await Read(Query.For<Specimen>().Filter(x => Fn.Like(x.Name, "%\\\\") && x.Name.EndsWith('\\')))).Select(s => s.Id));
        Assert.Contains(saved.Id, (await Read(Query.For<Specimen>().Filter(x => x.Name.Contains('\\')))).Select(s => s.Id));
    }

    private Task<IReadOnlyList<Specimen>> Read(Query<Specimen> query) => db.Domain.ReadAsync(query, cancellationToken: Ct);

    /// <summary>The call fails with an <see cref="InvalidException"/> holding only errors of <typeparamref name="TError"/> on the field.</summary>
    private static async Task Refused<TError>(string? field, Func<Task> call)
        where TError : AshlarError
    {
        var thrown = await Record.ExceptionAsync(call);
        var error = Assert.IsType<InvalidException>(thrown, exactMatch: true);
        Assert.All(error.Errors, e => Assert.IsType<TError>(e));
        if (field is not null)
        {
            Assert.Contains(error.Errors, e => e.Field == field);
        }
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonElement Utf8(string before, byte invalid, string after)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(before), invalid, .. Encoding.UTF8.GetBytes(after)];
        return JsonDocument.Parse(bytes).RootElement;
    }
}
