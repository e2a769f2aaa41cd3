using System.Text.Json;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Expressions.Input;
using Ashlar.Tests.Resources;
using Xunit;

namespace Ashlar.Tests.Expressions;

public sealed class InputParserTests
{
    private static readonly DomainModel Model = DomainModel.Build("t", d => d.Resource<Author>().Resource<Post>());

    private static string Parse(string json) =>
        FilterInputParser.Parse(Model, Model.Resource<Post>(), JsonDocument.Parse(json).RootElement, Model.InputLimits)!.ToString();

    [Fact]
    public void Operators_relationships_and_boolean_structure_map_to_the_tree()
    {
        Assert.Equal("((score GreaterThanOrEqual 4) And (author.name Equal \"ada\"))", Parse("""{"score": {"gte": 4}, "author": {"name": {"eq": "ada"}}}"""));
        Assert.Equal("((title Equal \"a\") Or is_nil(author_id))", Parse("""{"or": [{"title": "a"}, {"author_id": {"is_nil": true}}]}"""));
        Assert.Equal("mood in [VerySad]", Parse("""{"mood": {"in": ["very_sad"]}}"""));
    }

    [Fact]
    public void Enum_values_outside_the_enum_are_invalid_values()
    {
        var error = Assert.Throws<InvalidException>(() => Parse("""{"mood": "ecstatic"}"""));

        Assert.Equal("mood", Assert.IsType<InvalidFilterValue>(Assert.Single(error.Errors)).Field);
    }

    [Fact]
    public void Sort_strings_resolve_only_public_attributes()
    {
        var keys = SortInputParser.Parse(Model, Model.Resource<Post>(), "-score, ++title, author.name", Model.InputLimits);

        Assert.Equal(["score", "title", "author.name"], keys.Select(k => k.Expression.ToString()));
        Assert.Equal([true, false, false], keys.Select(k => k.Descending));
        Assert.Equal([null, true, null], keys.Select(k => k.NullsFirst));
        Assert.Throws<InvalidException>(() => SortInputParser.Parse(Model, Model.Resource<Post>(), "score;drop", Model.InputLimits));
    }
}
