using System.Linq.Expressions;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Tests.Resources;
using Xunit;

namespace Ashlar.Tests.Expressions;

public sealed class LambdaTranslatorDepthTests
{
    private static readonly DomainModel Model = DomainModel.Build("t", d => d.Resource<Author>().Resource<Post>());

    private static readonly ParameterExpression P = Expression.Parameter(typeof(Post), "p");

    private static Expression ScoreIs(int value) => Expression.Equal(Expression.Property(P, nameof(Post.Score)), Expression.Constant(value));

    private static Expr Translate(Expression body) =>
        SmallStack.Run(() => LambdaTranslator.Translate(Model, Model.Resource<Post>(), Expression.Lambda<Func<Post, bool>>(body, P)));

    /// <summary><c>p.Score == 0 || p.Score == 1 || …</c> as a loop builds it: left-deep (or right-deep) by one level per term.</summary>
    private static Expression Chain(int terms, bool leftDeep, Func<int, Expression>? term = null)
    {
        term ??= ScoreIs;
        var body = term(0);
        for (var i = 1; i < terms; i++)
        {
            body = leftDeep ? Expression.OrElse(body, term(i)) : Expression.OrElse(term(i), body);
        }

        return body;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_ten_thousand_term_or_chain_translates_into_a_balanced_tree_on_a_small_stack(bool leftDeep)
    {
        var expr = Translate(Chain(10_000, leftDeep));

        Assert.InRange(ExprDepth.Of(expr), 2, 20);
        var values = ExprWalker.Levels(expr).Select(l => l.Node).OfType<ValueExpr>().Select(v => (int)v.Value!).ToHashSet();
        Assert.Equal(10_000, values.Count);
        Assert.All(ExprWalker.Levels(expr).Select(l => l.Node).OfType<BinaryExpr>().Where(b => b.Right is not ValueExpr), b => Assert.Equal(BinaryOperator.Or, b.Operator));
    }

    [Fact]
    public void A_short_chain_keeps_its_shape()
    {
        Assert.Equal("(((score Equal 0) Or (score Equal 1)) Or (score Equal 2))", Translate(Chain(3, leftDeep: true)).ToString());
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_with_a_typed_error()
    {
        Expression body = ScoreIs(1);
        for (var i = 0; i < 10_000; i++)
        {
            body = Expression.Not(body);
        }

        var error = Assert.ThrowsAny<AshlarException>(() => Translate(body));

        Assert.Contains("at most 128 levels", Assert.IsType<InvalidFilterSize>(Assert.Single(error.Errors)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_thousand_term_sum_is_refused_with_a_typed_error()
    {
        Expression sum = Expression.Property(P, nameof(Post.Score));
        for (var i = 0; i < 10_000; i++)
        {
            sum = Expression.Add(sum, Expression.Constant(1));
        }

        var error = Assert.ThrowsAny<AshlarException>(() => Translate(Expression.GreaterThan(sum, Expression.Constant(0))));

        Assert.IsType<InvalidFilterSize>(Assert.Single(error.Errors));
    }

    [Fact]
    public void An_untranslatable_term_in_a_long_chain_is_refused_without_printing_the_whole_lambda()
    {
        var hash = Expression.Equal(Expression.Call(P, typeof(object).GetMethod(nameof(GetHashCode))!), Expression.Constant(1));

        var error = Assert.ThrowsAny<AshlarException>(() => Translate(Chain(10_000, leftDeep: true, i => i == 5_000 ? hash : ScoreIs(i))));

        Assert.Contains("nested more than 64 levels deep", Assert.IsType<InvalidFilterReference>(Assert.Single(error.Errors)).Message, StringComparison.Ordinal);
    }
}
