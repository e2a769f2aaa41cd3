using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

/// <summary>
/// Reliability anchors S1/S2: a corpus of hostile strings (naughty-strings.json) through typed filters, filter and
/// sort input, and create inputs. Every one round-trips or fails with a typed error, and none reaches the SQL text:
/// the text for a hostile value is the text for a benign one.
/// </summary>
public sealed class NaughtyStringTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static IReadOnlyList<string> Corpus { get; } = Load();

    [Fact]
    public void The_corpus_is_large_and_hostile()
    {
        Assert.True(Corpus.Count >= 100);
        Assert.Contains(Corpus, s => s.Contains('\0', StringComparison.Ordinal));
        Assert.Contains(Corpus, s => s.Length >= 10_000);
    }

    [Fact]
    public void Typed_filters_and_filter_input_never_put_a_value_in_the_text()
    {
        Expression<Func<Category, bool>>[] Filters(string s) =>
        [
            c => c.Name == s, c => c.Name != s, c => c.Name.Contains(s), c => c.Name.StartsWith(s), c => c.Name.EndsWith(s),
            c => c.Name.Contains(s, StringComparison.OrdinalIgnoreCase), c => new[] { s, "x" }.Contains(c.Name),
        ];
        string[] Inputs(string s) => new[] { "eq", "not_eq", "contains", "in" }.Select(op =>
            JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = new Dictionary<string, object> { [op] = op == "in" ? new[] { s } : s } })).ToArray();

        var benignTyped = Filters("benign").Select(f => db.Domain.ToSql(Query.For<Category>().Filter(f))).ToList();
        var benignInput = Inputs("benign").Select(i => db.Domain.ToSql(Query.For<Category>().FilterInput(Json(i)))).ToList();
        foreach (var s in Corpus)
        {
            if (s.Contains('\0', StringComparison.Ordinal))
            {
                // Values are checked before any SQL: NUL cannot be stored in text, so it is refused with a typed error.
                foreach (var filter in Filters(s))
                {
                    var error = Assert.Throws<InvalidException>(() => db.Domain.ToSql(Query.For<Category>().Filter(filter)));
                    Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
                }

                foreach (var input in Inputs(s))
                {
                    var error = Assert.Throws<InvalidException>(() => db.Domain.ToSql(Query.For<Category>().FilterInput(Json(input))));
                    Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
                }

                continue;
            }

            Assert.Equal(benignTyped, Filters(s).Select(f => db.Domain.ToSql(Query.For<Category>().Filter(f))));
            Assert.Equal(benignInput, Inputs(s).Select(i => db.Domain.ToSql(Query.For<Category>().FilterInput(Json(i)))));
        }
    }

    [Fact]
    public async Task Hostile_field_names_in_filter_and_sort_input_are_typed_errors()
    {
        foreach (var s in Corpus.Where(s => s.Trim() is not ("" or "id" or "name")))
        {
            var filter = Json(JsonSerializer.Serialize(new Dictionary<string, object> { [s] = new Dictionary<string, object> { ["eq"] = 1 } }));
            await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Category>().FilterInput(filter), cancellationToken: Ct));
            var sort = await Record.ExceptionAsync(() => db.Domain.ReadAsync(Query.For<Category>().SortInput(s), cancellationToken: Ct));
            Assert.True(sort is InvalidException, $"sort input {Show(s)}: {sort?.GetType().Name ?? "accepted"}");
        }
    }

    [Fact]
    public async Task Created_values_round_trip_or_are_typed_errors()
    {
        await using (var command = db.DataSource.CreateCommand("SELECT setval(pg_get_serial_sequence('categories', 'id'), 1000)"))
        {
            await command.ExecuteScalarAsync(Ct); // the seed inserts categories with explicit ids
        }

        var refused = 0;
        foreach (var s in Corpus)
        {
            Category created;
            try
            {
                created = await db.Domain.CreateAsync<Category>(new Dictionary<string, object?> { ["name"] = s }, cancellationToken: Ct);
            }
            catch (InvalidException e)
            {
                // Postgres text cannot hold NUL: refused before SQL, never stored truncated.
                Assert.True(s.Contains('\0', StringComparison.Ordinal), $"{Show(s)}: {e.Message}");
                refused++;
                var readError = await Record.ExceptionAsync(() => db.Domain.ReadAsync(Query.For<Category>().Filter(c => c.Name == s || c.Name.Contains(s)), cancellationToken: Ct));
                Assert.True(readError is InvalidException, $"typed filter with NUL: {readError?.GetType().Name}: {readError?.Message}");
                continue;
            }

            Assert.Equal(s, created.Name);
            var read = await db.Domain.ReadAsync(Query.For<Category>().Filter(c => c.Name == s), cancellationToken: Ct);
            Assert.Contains(created.Id, read.Select(c => c.Id));
            var found = await db.Domain.ReadAsync(Query.For<Category>().Filter(c => c.Name.Contains(s) && c.Id == created.Id), cancellationToken: Ct);
            Assert.Equal(s, Assert.Single(found).Name);
            var input = Json(JsonSerializer.Serialize(new { name = new { eq = s } }));
            Assert.Contains(created.Id, (await db.Domain.ReadAsync(Query.For<Category>().FilterInput(input), cancellationToken: Ct)).Select(c => c.Id));
        }

        Assert.Equal(Corpus.Count(s => s.Contains('\0', StringComparison.Ordinal)), refused);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private static string Show(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static string[] Load([CallerFilePath] string here = "") =>
        JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "naughty-strings.json")))!;
}
