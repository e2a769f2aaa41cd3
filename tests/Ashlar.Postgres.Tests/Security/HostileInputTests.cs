using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Postgres.DataLayer;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Security;

/// <summary>
/// Hostile input through every way in: the Big List of Naughty Strings (TestData/blns.json), lone surrogates,
/// NUL/CR/LF, invalid UTF-8 in JSON and 1 MB values, as create/update values (object, dictionary, JSON), filter input
/// values, field and operator names, sort strings, JSON paths, LIKE patterns and typed filter values. Every attempt
/// succeeds or fails with a typed error; none is untyped; a query that compiles has the text of the same query with a
/// benign value, so no input reaches SQL text. The counts go to the test output.
/// </summary>
public sealed class HostileInputTests(SpecimenFixture db, ITestOutputHelper output) : IClassFixture<SpecimenFixture>
{
    private const string Benign = "benign";
    private const int Megabyte = 1 << 20;

    private static readonly string[] KnownNames = ["id", "name", "nickname", "tags", "data", "raw", "count"];

    private static readonly string[] Prefixes = ["", "-", "+", "--", "++"];

    private readonly Tally _tally = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static IReadOnlyList<string> Blns { get; } = Load();

    /// <summary>Text that is not valid Unicode, control characters, and long values.</summary>
    public static IReadOnlyList<string> Extra { get; } =
    [
        "\ud800", "\udfff", "a\ud800b", "\udc00\ud800", "x\ud83d", "\0", "a\0b", "\0\0\0", "\r", "\n", "\r\n", "a\rb\nc\r\n",
        "\\", "a\\", "\\\\\\", "%\\", "_\\", new string('x', Megabyte), new string('\u00e9', Megabyte / 2), new string('%', Megabyte),
        new string('\\', Megabyte), new string('\\', Megabyte - 1), new string('x', Megabyte) + "\0", new string('x', Megabyte) + "\ud800",
        string.Concat(Enumerable.Repeat("\ud83d\ude00", Megabyte / 4)),
    ];

    /// <summary>Byte sequences that are not UTF-8; JSON with them parses, and reading the string fails.</summary>
    public static IReadOnlyList<byte[]> InvalidUtf8 { get; } =
        new byte[][] { [0xff], [0xfe, 0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x61, 0x80, 0x62] }
            .Where(ParsesInJson).ToList();

    [Fact]
    public void The_corpus_is_the_big_list_of_naughty_strings()
    {
        Assert.Equal(485, Blns.Count);
        Assert.Contains("1'; DROP TABLE users-- 1", Blns);
        Assert.NotEmpty(InvalidUtf8);
    }

    [Fact]
    public async Task Every_hostile_input_is_answered_or_refused_with_a_typed_error_and_never_reaches_sql_text()
    {
        var benign = new Baseline(
            db.Domain.ToSql(Query.For<Specimen>().FilterInput(Json($"{{\"and\": [{string.Join(", ", FilterShapes.Select(f => f.Shape(JsonString(Benign))))}]}}"))),
            FilterShapes.Select(f => db.Domain.ToSql(Query.For<Specimen>().FilterInput(Json(f.Shape(JsonString(Benign)))))).ToList(),
            db.Domain.ToSql(Query.For<Specimen>().Filter(AnyOf(Benign))),
            LinqShapes.Select(f => db.Domain.ToSql(Query.For<Specimen>().Filter(f.Filter(Benign)))).ToList());
        var clock = Stopwatch.StartNew();
        foreach (var s in Blns.Concat(Extra))
        {
            await FilterInputValues(s, benign);
            await Names(s);
            await LinqValues(s, benign);
        }

        foreach (var bytes in InvalidUtf8)
        {
            await InvalidUtf8Input(bytes);
        }

        await Breadth();
        var reads = clock.Elapsed;

        // Writes last, so the reads above ran over one row.
        foreach (var s in Blns.Concat(Extra))
        {
            await Writes(s);
        }

        output.WriteLine(_tally.Report());
        output.WriteLine($"reads {reads.TotalSeconds:F1} s, writes {(clock.Elapsed - reads).TotalSeconds:F1} s");
        Assert.True(_tally.Untyped.Count == 0, "untyped failures:\n" + string.Join("\n", _tally.Untyped.Take(30)));
        Assert.Equal(_tally.Tried, _tally.Succeeded + _tally.Typed);
    }

    private async Task FilterInputValues(string s, Baseline benign)
    {
        var text = JsonString(s);
        var all = Query.For<Specimen>().FilterInput(Json($"{{\"and\": [{string.Join(", ", FilterShapes.Select(f => f.Shape(text)))}]}}"));
        await Batched(all, benign.AllFilterInput, FilterShapes.Length, i =>
            Read($"filter input {FilterShapes[i].Name}", s, Query.For<Specimen>().FilterInput(Json(FilterShapes[i].Shape(text))), benign.FilterInput[i]));
    }

    private async Task Names(string s)
    {
        var text = JsonString(s);
        var known = KnownNames.Contains(s);
        await Read("filter input field name", s, Query.For<Specimen>().FilterInput(Json($"{{{text}: {{\"eq\": 1}}}}")), sql: null, mayMatch: known);
        await Read("filter input operator name", s, Query.For<Specimen>().FilterInput(Json($"{{\"name\": {{{text}: \"x\"}}}}")), sql: null,
            mayMatch: s is "eq" or "not_eq" or "contains" or "like" or "ilike");
        var sortable = s.Split(',').Select(p => p.Trim()).All(p => p.Length == 0 || Prefixes.Any(x => p.StartsWith(x, StringComparison.Ordinal) && KnownNames.Contains(p[x.Length..])));
        await Read("sort input", s, Query.For<Specimen>().SortInput(s), sql: null, mayMatch: sortable);
    }

    /// <summary>Input wide rather than deep: it once overflowed the stack; over the default limits it is refused.</summary>
    private async Task Breadth()
    {
        var siblings = string.Join(", ", Enumerable.Repeat("{\"count\": {\"eq\": 0}}", 10_000));
        await Read("filter input 10,000 sibling conditions", "or[10000]", Query.For<Specimen>().FilterInput(Json($"{{\"or\": [{siblings}]}}")), sql: null, mayMatch: false);
        var keys = string.Join(", ", Enumerable.Range(0, 100_000).Select(i => $"\"k{i}\": 1"));
        await Read("filter input 100,000 keys", "{k0..k99999}", Query.For<Specimen>().FilterInput(Json($"{{{keys}}}")), sql: null, mayMatch: false);
        var nots = string.Join(", ", Enumerable.Repeat("{\"not\": {\"name\": {\"eq\": \"x\"}}}", 100_000));
        await Read("filter input 100,000 nots", "[not x 100000]", Query.For<Specimen>().FilterInput(Json($"[{nots}]")), sql: null, mayMatch: false);

        var x = Expression.Parameter(typeof(Specimen), "x");
        var name = Expression.Property(x, nameof(Specimen.Name));
        var chain = Enumerable.Range(0, 10_000)
            .Select(i => (Expression)Expression.Equal(name, Expression.Constant(i.ToString(CultureInfo.InvariantCulture))))
            .Aggregate(Expression.OrElse);
        await Read("linq 10,000-term || chain", "x.Name == \"0\" || … \"9999\"", Query.For<Specimen>().Filter(Expression.Lambda<Func<Specimen, bool>>(chain, x)), sql: null);
    }

    private async Task LinqValues(string s, Baseline benign)
    {
        await Batched(Query.For<Specimen>().Filter(AnyOf(s)), benign.AllLinq, LinqShapes.Length, i =>
            Read($"linq {LinqShapes[i].Name}", s, Query.For<Specimen>().Filter(LinqShapes[i].Filter(s)), benign.Linq[i]));
    }

    /// <summary>
    /// Runs every shape of a way in as one statement; only when that is refused are the shapes tried one by one, so
    /// one shape's refusal cannot hide another's failure.
    /// </summary>
    private async Task Batched(Query<Specimen> all, string sql, int shapes, Func<int, Task> each)
    {
        try
        {
            var text = db.Domain.ToSql(all);
            await db.Domain.ReadAsync(all, cancellationToken: Ct);
            Assert.Equal(sql, text);
            _tally.Tried += shapes;
            _tally.Succeeded += shapes;
            return;
        }
        catch (Exception e) when (e is not Xunit.Sdk.IAssertionException)
        {
        }

        for (var i = 0; i < shapes; i++)
        {
            await each(i);
        }
    }

    private static Expression<Func<Specimen, bool>> AnyOf(string s)
    {
        var x = Expression.Parameter(typeof(Specimen), "x");
        var body = LinqShapes.Select(f => f.Filter(s)).Select(f => new Rebind(f.Parameters[0], x).Visit(f.Body)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Specimen, bool>>(body, x);
    }

    private async Task InvalidUtf8Input(byte[] bytes)
    {
        var label = Convert.ToHexString(bytes);
        foreach (var (name, shape) in FilterShapes)
        {
            await Read($"filter input {name} (invalid UTF-8)", label, Query.For<Specimen>().FilterInput(Utf8(shape("\"a|b\""), bytes)), sql: null, mayMatch: false);
        }

        await Read("filter input field name (invalid UTF-8)", label, Query.For<Specimen>().FilterInput(Utf8("{\"|\": 1}", bytes)), sql: null, mayMatch: false);
        await Read("filter input operator name (invalid UTF-8)", label, Query.For<Specimen>().FilterInput(Utf8("{\"name\": {\"|\": 1}}", bytes)), sql: null, mayMatch: false);
        await Attempt("create JSON value (invalid UTF-8)", label, mayMatch: false,
            () => db.Domain.CreateAsync<Specimen>(Utf8("{\"name\": \"|\"}", bytes), cancellationToken: Ct));
        await Attempt("create JSON map (invalid UTF-8)", label, mayMatch: false,
            () => db.Domain.CreateAsync<Specimen>(Utf8("{\"name\": \"n\", \"data\": {\"|\": 1}, \"raw\": [\"x\"]}", bytes), cancellationToken: Ct));
        await Attempt("create JSON element (invalid UTF-8)", label, mayMatch: false,
            () => db.Domain.CreateAsync<Specimen>(Utf8("{\"name\": \"n\", \"raw\": {\"k\": \"|\"}}", bytes), cancellationToken: Ct));
        await Attempt("create JSON name (invalid UTF-8)", label, mayMatch: false,
            () => db.Domain.CreateAsync<Specimen>(Utf8("{\"name\": \"n\", \"|\": 1}", bytes), cancellationToken: Ct));
        await Attempt("update JSON value (invalid UTF-8)", label, mayMatch: false,
            () => db.Domain.UpdateAsync(db.Stored, Utf8("{\"nickname\": \"|\"}", bytes), cancellationToken: Ct));
    }

    private async Task Writes(string s)
    {
        var map = new Dictionary<string, object?> { ["k"] = s, [s] = 1, ["nested"] = new Dictionary<string, object?> { [s] = new[] { s } } };
        await Attempt("create anonymous object", s, mayMatch: true, async () =>
        {
            var created = await db.Domain.CreateAsync<Specimen>(new { name = s, nickname = s, tags = new[] { s }, data = map }, cancellationToken: Ct);
            RoundTrips(created, s);
        });
        await Attempt("create dictionary", s, mayMatch: true, async () =>
        {
            var input = new Dictionary<string, object?> { ["name"] = s, ["nickname"] = s, ["tags"] = new List<string> { s }, ["data"] = map };
            RoundTrips(await db.Domain.CreateAsync<Specimen>(input, cancellationToken: Ct), s);
        });
        var text = JsonString(s);
        await Attempt("create JSON", s, mayMatch: true, async () =>
        {
            var input = Json($"{{\"name\": {text}, \"nickname\": {text}, \"tags\": [{text}], \"data\": {{\"k\": {text}, {text}: [{text}]}}, \"raw\": {{\"k\": [{text}]}}}}");
            RoundTrips(await db.Domain.CreateAsync<Specimen>(input, cancellationToken: Ct), s);
        });
        await Attempt("create input name", s, mayMatch: KnownNames.Contains(s),
            () => db.Domain.CreateAsync<Specimen>(Json($"{{\"name\": \"n\", {text}: 1}}"), cancellationToken: Ct));
        await Attempt("update anonymous object", s, mayMatch: true, async () =>
        {
            var updated = await db.Domain.UpdateAsync(db.Stored, new { name = s, tags = new[] { s }, data = map }, cancellationToken: Ct);
            Assert.Equal(s, updated.Name);
        });
        await Attempt("update JSON", s, mayMatch: true, async () =>
        {
            var updated = await db.Domain.UpdateAsync(db.Stored, Json($"{{\"nickname\": {text}, \"raw\": [{text}]}}"), cancellationToken: Ct);
            Assert.Equal(s, updated.Nickname);
        });
    }

    /// <summary>The record as the database returned it (RETURNING) holds the text unchanged.</summary>
    private static void RoundTrips(Specimen created, string s)
    {
        Assert.Equal(s, created.Name);
        Assert.Equal(s, created.Nickname);
        Assert.Equal([s], created.Tags!);
    }

    /// <summary>Compiles the query (its text must be the benign one's when given) and runs it.</summary>
    private Task Read(string way, string input, Query<Specimen> query, string? sql, bool mayMatch = true) =>
        Attempt(way, input, mayMatch, async () =>
        {
            var text = db.Domain.ToSql(query);
            if (sql is not null)
            {
                Assert.Equal(sql, text);
            }

            await db.Domain.ReadAsync(query, cancellationToken: Ct);
        });

    private async Task Attempt(string way, string input, bool mayMatch, Func<Task> attempt)
    {
        _tally.Tried++;
        try
        {
            await attempt();
            Assert.True(mayMatch, $"{way} {Show(input)} was accepted");
            _tally.Succeeded++;
        }
        catch (AshlarException e) when (e is not UnknownException && !e.Errors.Any(x => x is UnknownError))
        {
            _tally.Typed++;
        }
        catch (Exception e) when (e is not Xunit.Sdk.IAssertionException)
        {
            _tally.Untyped.Add($"{way} {Show(input)}: {e.GetType().Name}: {Show(e.Message)}");
        }
    }

    private static readonly (string Name, Func<string, string> Shape)[] FilterShapes =
    [
        .. new[] { "eq", "not_eq", "gt", "contains", "starts_with", "ends_with", "like", "ilike" }
            .SelectMany(op => new (string, Func<string, string>)[]
            {
                ($"name {op}", v => $"{{\"name\": {{\"{op}\": {v}}}}}"),
                ($"nickname {op}", v => $"{{\"nickname\": {{\"{op}\": {v}}}}}"),
            }),
        ("name in", v => $"{{\"name\": {{\"in\": [{v}, \"x\"]}}}}"),
        ("name shorthand", v => $"{{\"or\": [{{\"name\": {v}}}, {{\"not\": {{\"nickname\": {v}}}}}]}}"),
        ("tags eq", v => $"{{\"tags\": {{\"eq\": [{v}]}}}}"),
        ("data eq", v => $"{{\"data\": {{\"eq\": {{\"k\": {v}}}}}}}"),
        ("data key eq", v => $"{{\"data\": {{\"eq\": {{{v}: 1}}}}}}"),
    ];

    private static readonly (string Name, Func<string, Expression<Func<Specimen, bool>>> Filter)[] LinqShapes =
    [
        ("==", s => x => x.Name == s || x.Nickname != s),
        ("string methods", s => x => x.Name.Contains(s) || x.Name.StartsWith(s) || x.Nickname!.EndsWith(s, StringComparison.OrdinalIgnoreCase)),
        ("list contains", s => x => new[] { s, Benign }.Contains(x.Name)),
        ("array contains", s => x => x.Tags!.Contains(s) || Fn.Overlaps(x.Tags, new[] { s })),
        ("concat", s => x => x.Name + s == Benign || Fn.Concat(x.Nickname, s) == Benign),
        ("json path", s => x => Fn.JsonGet<string>(x.Data, s) == Benign || Fn.JsonGet<string>(x.Raw, "k", s) == Benign),
        ("json value", s => x => Fn.JsonGet<string>(x.Data, "k") == s),
        ("like pattern", s => x => Fn.Like(x.Name, s)),
        ("ilike pattern", s => x => Fn.ILike(x.Nickname, s)),
    ];

    private static JsonElement Json(string json) => JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 }).RootElement;

    /// <summary>JSON from a template whose every <c>|</c> stands for the invalid bytes.</summary>
    private static JsonElement Utf8(string template, byte[] invalid)
    {
        var parts = template.Split('|').Select(Encoding.UTF8.GetBytes).ToList();
        var bytes = parts.Skip(1).Aggregate(parts[0].AsEnumerable(), (json, part) => json.Concat(invalid).Concat(part)).ToArray();
        return JsonDocument.Parse(bytes).RootElement;
    }

    private static bool ParsesInJson(byte[] invalid)
    {
        try
        {
            Utf8("{\"k\": {\"|\": \"a|b\"}}", invalid);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A JSON string literal escaping every non-ASCII UTF-16 unit, so lone surrogates arrive as <c>\uD800</c>.</summary>
    private static string JsonString(string s)
    {
        var json = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                < ' ' or > '~' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }

    private static string Show(string s)
    {
        var shown = s.Length > 40 ? s[..40] + $"…({s.Length} chars)" : s;
        return JsonString(shown);
    }

    private static string[] Load([CallerFilePath] string here = "") =>
        JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "TestData", "blns.json")))!;

    /// <summary>The SQL text of every query shape with a benign value.</summary>
    private sealed record Baseline(string AllFilterInput, IReadOnlyList<string> FilterInput, string AllLinq, IReadOnlyList<string> Linq);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private sealed class Tally
    {
        public int Tried { get; set; }

        public int Succeeded { get; set; }

        public int Typed { get; set; }

        public List<string> Untyped { get; } = [];

        public string Report() =>
            $"hostile inputs: {Blns.Count} blns strings + {Extra.Count} extra strings + {InvalidUtf8.Count} invalid UTF-8 sequences; " +
            $"attempts tried: {Tried}, succeeded: {Succeeded}, typed errors: {Typed}, untyped: {Untyped.Count}";
    }
}
