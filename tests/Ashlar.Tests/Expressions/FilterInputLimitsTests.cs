using System.Text;
using System.Text.Json;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Input;
using Ashlar.Tests.Resources;
using Xunit;

namespace Ashlar.Tests.Expressions;

public sealed class FilterInputLimitsTests
{
    private static readonly DomainModel Model = DomainModel.Build("t", d => d.Resource<Author>().Resource<Post>());

    private static readonly InputLimits Wide = new() { MaxConditions = 1_000_000, MaxInputBytes = 64 * 1024 * 1024 };

    private static readonly InputLimits AnySize = InputLimits.Default with { MaxInputBytes = int.MaxValue };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private static Expr? Parse(JsonElement input, InputLimits limits) =>
        FilterInputParser.Parse(Model, Model.Resource<Post>(), input, limits);

    private static string List(int count, Func<int, string> item)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(item(i));
        }

        return json.Append(']').ToString();
    }

    private static string Conditions(int count) => List(count, i => "{\"score\": {\"eq\": " + i + "}}");

    private static InvalidFilterSize Refused(string json, InputLimits? limits = null)
    {
        var error = Assert.Throws<InvalidException>(() => Parse(Json(json), limits ?? InputLimits.Default));
        return Assert.IsType<InvalidFilterSize>(Assert.Single(error.Errors));
    }

    [Fact]
    public void Ten_thousand_sibling_conditions_are_refused_as_too_many()
    {
        var error = Refused("{\"or\": " + Conditions(10_000) + "}");

        Assert.Equal("Post", error.Resource);
        Assert.Contains("more than 1,000 conditions (InputLimits.MaxConditions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_of_a_hundred_thousand_keys_is_refused_as_too_many()
    {
        var keys = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $$"""
            "k{{i}}": 1
            """));

        Assert.Contains("InputLimits.MaxInputBytes", Refused("{" + keys + "}").Message, StringComparison.Ordinal);
        Assert.Contains("InputLimits.MaxConditions", Refused("{" + keys + "}", AnySize).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_array_of_a_hundred_thousand_nots_is_refused_as_too_many()
    {
        var json = List(100_000, _ => """{"not": {"score": 1}}""");

        Assert.Contains("InputLimits.MaxInputBytes", Refused(json).Message, StringComparison.Ordinal);
        Assert.Contains("InputLimits.MaxConditions", Refused(json, AnySize).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_raised_limits_long_lists_parse_into_balanced_trees_on_a_small_stack()
    {
        var or = SmallStack.Run(() => Parse(Json("{\"or\": " + Conditions(10_000) + "}"), Wide)!);
        var nots = SmallStack.Run(() => Parse(Json(List(100_000, i => "{\"not\": {\"score\": " + i + "}}")), Wide)!);
        var keys = SmallStack.Run(() => Parse(Json("{" + string.Join(",", Enumerable.Repeat("\"score\": 1", 100_000)) + "}"), Wide)!);

        // A chain as long as the list would be 10,000 and 100,000 deep; balanced, each is about log2 of that.
        Assert.InRange(ExprDepth.Of(or), 2, 20);
        Assert.InRange(ExprDepth.Of(nots), 2, 24);
        Assert.InRange(ExprDepth.Of(keys), 2, 24);
        Assert.Equal(10_000, ExprWalker.Levels(or).Count(l => l.Node is ValueExpr));
    }

    [Fact]
    public void A_short_list_stays_a_chain_in_the_order_written()
    {
        Assert.Equal(
            "(((score Equal 0) Or (score Equal 1)) Or (score Equal 2))",
            Parse(Json("{\"or\": " + Conditions(3) + "}"), InputLimits.Default)!.ToString());
    }

    [Fact]
    public void A_value_longer_than_the_limit_is_refused()
    {
        var error = Refused("{\"title\": {\"ilike\": \"" + new string('a', 65_537) + "\"}}");

        Assert.Contains("65,537 characters long; at most 65,536 are allowed (InputLimits.MaxValueLength)", error.Message, StringComparison.Ordinal);
        Assert.NotNull(Parse(Json("{\"title\": {\"ilike\": \"" + new string('a', 65_536) + "\"}}"), InputLimits.Default));
    }

    [Fact]
    public void Value_length_counts_characters_not_escapes_or_bytes()
    {
        var escaped = "{\"title\": \"" + string.Concat(Enumerable.Repeat("\\u00e9", 20_000)) + "\"}";
        var pairs = "{\"title\": \"" + string.Concat(Enumerable.Repeat("\U0001F600", 40_000)) + "\"}";

        Assert.NotNull(Parse(Json(escaped), InputLimits.Default));
        Assert.Contains("80,000 characters long", Refused(pairs).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_name_longer_than_the_limit_is_refused()
    {
        Assert.Contains("a name in the filter", Refused($$"""{"{{new string('n', 70_000)}}": 1}""").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_larger_than_the_limit_is_refused_before_it_is_walked()
    {
        var json = "{\"title\": {\"in\": " + List(300_000, _ => "\"abc\"") + "}}";

        Assert.Contains("(InputLimits.MaxInputBytes)", Refused(json, InputLimits.Default with { MaxConditions = int.MaxValue }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_nested_deeper_than_the_limit_is_refused()
    {
        var json = string.Concat(Enumerable.Repeat("""{"not":""", 10_000)) + "{}" + new string('}', 10_000);
        var deep = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 20_000 }).RootElement;

        var error = Assert.Throws<InvalidException>(() => SmallStack.Run(() => Parse(deep, AnySize)));
        Assert.Contains("nested more than 32 levels deep", Assert.IsType<InvalidFilterSize>(Assert.Single(error.Errors)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"not": []}""")]
    [InlineData("""{"not": {}}""")]
    [InlineData("""{"not": {"and": []}}""")]
    [InlineData("""{"score": 1, "not": [{}, {}]}""")]
    public void Not_of_an_empty_condition_is_refused(string json)
    {
        var error = Assert.Throws<InvalidException>(() => Parse(Json(json), InputLimits.Default));

        Assert.Contains("not needs at least one condition", Assert.IsType<InvalidFilterValue>(Assert.Single(error.Errors)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_and_is_no_condition_and_an_empty_or_matches_nothing()
    {
        Assert.Null(Parse(Json("""{"and": []}"""), InputLimits.Default));
        Assert.Equal("False", Parse(Json("""{"or": []}"""), InputLimits.Default)!.ToString());
        Assert.Null(Parse(Json("""{"or": [{}, {"score": 1}]}"""), InputLimits.Default));
    }

    [Fact]
    public void Sorts_over_the_limits_are_refused()
    {
        var resource = Model.Resource<Post>();

        var longSort = Assert.Throws<InvalidException>(() => SortInputParser.Parse(Model, resource, new string('a', 70_000), Model.InputLimits));
        var manyKeys = Assert.Throws<InvalidException>(() => SortInputParser.Parse(Model, resource, string.Join(",", Enumerable.Repeat("score", 17)), Model.InputLimits));
        var longPath = Assert.Throws<InvalidException>(() => SortInputParser.Parse(Model, resource, string.Concat(Enumerable.Repeat("author.", 40)) + "name", Model.InputLimits));

        Assert.All([longSort, manyKeys, longPath], e => Assert.IsType<InvalidFilterSize>(Assert.Single(e.Errors)));
    }
}
