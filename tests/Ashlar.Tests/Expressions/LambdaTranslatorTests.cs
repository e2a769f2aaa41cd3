using System.Linq.Expressions;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Tests.Resources;
using Xunit;

namespace Ashlar.Tests.Expressions;

public sealed class LambdaTranslatorTests
{
    private static readonly DomainModel Model = DomainModel.Build("t", d => d.Resource<Author>().Resource<Post>());

    private static string Translate(Expression<Func<Post, bool>> filter) =>
        LambdaTranslator.Translate(Model, Model.Resource<Post>(), filter).ToString();

    [Fact]
    public void Captured_values_become_typed_values_and_null_comparisons_become_is_nil()
    {
        var min = 3;
        string? missing = null;

        Assert.Equal("((score GreaterThan 3) And is_nil(title))", Translate(p => p.Score > min && p.Title == missing));
        Assert.Equal("not is_nil(author_id)", Translate(p => p.AuthorId != null));
    }

    [Fact]
    public void Enums_compare_as_their_enum_values()
    {
        var expr = LambdaTranslator.Translate(Model, Model.Resource<Post>(), (Expression<Func<Post, bool>>)(p => p.Mood == Mood.VerySad));

        var value = Assert.IsType<ValueExpr>(Assert.IsType<BinaryExpr>(expr).Right);
        Assert.Equal(Mood.VerySad, value.Value);
    }

    [Fact]
    public void Functions_and_relationships_translate_to_their_nodes()
    {
        Assert.Equal("Contains(title, \"a%\")", Translate(p => p.Title.Contains("a%")));
        Assert.Equal("(author.name Equal \"ada\")", Translate(p => p.Author!.Name == "ada"));
        Assert.Equal("(inserted_at GreaterThan Ago(7))", Translate(p => p.InsertedAt > Fn.Ago(7, TimeUnit.Day)));
    }

    [Fact]
    public void To_many_any_becomes_exists_with_parent_references()
    {
        var expr = LambdaTranslator.Translate(Model, Model.Resource<Author>(), (Expression<Func<Author, bool>>)(a => a.Posts!.Any(p => p.Title == a.Name)));

        Assert.Equal("exists(posts, (title Equal parent(name)))", expr.ToString());
    }

    [Fact]
    public void Untranslatable_code_is_refused_with_the_lambda_text()
    {
        var error = Assert.Throws<InvalidException>(() => Translate(p => p.Title.GetHashCode() == 1));

        Assert.Contains("cannot translate", Assert.IsType<InvalidFilterReference>(Assert.Single(error.Errors)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_captured_value_of_the_wrong_type_is_an_invalid_filter_value()
    {
        var notAGuid = "abc";
        var error = Assert.Throws<InvalidException>(() => LambdaTranslator.Translate(Model, Model.Resource<Post>(),
            (Expression<Func<Post, bool>>)(p => (object?)p.AuthorId == (object)notAGuid)));

        Assert.IsType<InvalidFilterValue>(Assert.Single(error.Errors));
    }
}
