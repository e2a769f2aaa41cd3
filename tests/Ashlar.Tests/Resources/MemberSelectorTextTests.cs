using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Tests.Resources;

public sealed class MemberSelectorTextTests
{
    [Theory]
    [InlineData("x => x.Name")]
    [InlineData("static x => x.Name")]
    [InlineData("(x) => x.Name")]
    [InlineData("(Ticket x) => x.Name")]
    [InlineData("(Tests.Ticket x) => x.Name")]
    [InlineData("(List<Ticket> x) => x.Name")]
    [InlineData("(Dictionary<string, Ticket> x) => x.Name")]
    [InlineData("static (Ticket x) => x.Name")]
    [InlineData("x => x.Name!")]
    [InlineData("x => (object?)x.Name")]
    [InlineData("x => (object)x.Name")]
    [InlineData("x => (System.Object)x.Name")]
    [InlineData("x => (x.Name)")]
    [InlineData("x => ((object)x.Name)")]
    [InlineData("x => (object?)(x.Name)")]
    [InlineData("ticket => ticket.Name")]
    [InlineData("@x => @x.@Name")]
    [InlineData("  x\n  =>\r\n    x\t.  Name  ")]
    [InlineData("x => x.Name // the title\n")]
    [InlineData("/* key */ x => /* the */ x /* . */ . /* name */ Name /* ! */")]
    public void Accepted_forms_select_the_property(string text)
    {
        Assert.Equal("Name", MemberSelectorText.Single(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("x => new { x.A, x.B }", "A,B")]
    [InlineData("x => new { x.A, x.B, }", "A,B")]
    [InlineData("x => new{x.A}", "A")]
    [InlineData("static (Ticket x) => new { First = x.A, x.B! }", "A,B")]
    [InlineData("x => new { (object)x.A, /* b */ x.B }", "A,B")]
    [InlineData("x => x.A", "A")]
    public void Lists_select_each_property_in_order(string text, string expected)
    {
        Assert.Equal(expected.Split(','), MemberSelectorText.List(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null, "source text is missing")]
    [InlineData("", "source text is missing")]
    [InlineData("selector", "is not a lambda (a variable or a method call holding one cannot be read)")]
    [InlineData("Selectors.Name()", "is not a lambda")]
    [InlineData("this.Pick", "is not a lambda")]
    [InlineData("(x, y) => x.Name", "exactly one parameter")]
    [InlineData("x => y.Name", "its body starts with y, not the parameter x")]
    [InlineData("x => x", "selects the whole record")]
    [InlineData("x => x.", "a property name must follow the dot")]
    [InlineData("x => x.Owner.Name", "it goes past Owner")]
    [InlineData("x => x.Name.Length", "it goes past Name")]
    [InlineData("x => x.Name.ToUpper()", "it goes past Name")]
    [InlineData("x => x.Name ?? \"\"", "it goes past Name")]
    [InlineData("x => x.Tags[0]", "it goes past Tags")]
    [InlineData("x => x.Name + 1", "it continues after the selected property")]
    [InlineData("x => Pick(x)", "its body starts with Pick")]
    [InlineData("x => \"name\"", "its body must be the parameter's property")]
    [InlineData("x => (x.Name", "a parenthesis is not closed")]
    [InlineData("x => new { x.A, x.B }", "its body starts with new")]
    public void Refused_forms_say_why(string? text, string expected)
    {
        Assert.Null(MemberSelectorText.Single(text, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(text))
        {
            Assert.StartsWith($"`{MemberSelectorText.Compact(text)}` is not a lambda that selects a property: ", problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("x => new { x.A, x.B.C }", "it goes past B")]
    [InlineData("x => new { x.A, y.B }", "its body starts with y")]
    [InlineData("x => new x.A", "`new` must be followed by")]
    [InlineData("x => new { x.A x.B }", "the list must be `new { x.A, x.B }`")]
    public void Refused_lists_say_why(string text, string expected)
    {
        Assert.Null(MemberSelectorText.List(text, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_read_before_keep_their_answers_where_one_property_or_a_list_is_expected()
    {
        const string text = "x => new { x.First, x.Second }";

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(["First", "Second"], MemberSelectorText.List(text, out var problem));
            Assert.Null(problem);
            Assert.Null(MemberSelectorText.Single(text, out problem));
            Assert.Contains("its body starts with new", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_selected_name_is_looked_up_and_checked_against_the_delegate_type()
    {
        Assert.Equal(nameof(Ticket.Name), MemberSelectorText.Select(typeof(Ticket), typeof(string), "t => t.Name", out _, out _)?.Name);
        Assert.NotNull(MemberSelectorText.Select(typeof(Ticket), typeof(long?), "t => t.Count", out _, out _));
        Assert.NotNull(MemberSelectorText.Select(typeof(Ticket), typeof(object), "t => (object)t.Count", out _, out _));

        Assert.Null(MemberSelectorText.Select(typeof(Ticket), typeof(string), "t => t.Missing", out var missing, out var missingFix));
        Assert.Equal("`t => t.Missing` selects Missing, which is not a property of Ticket", missing);
        Assert.Equal("select a public property of Ticket", missingFix);

        Assert.Null(MemberSelectorText.Select(typeof(Ticket), typeof(string), "t => t.Field", out var field, out _));
        Assert.Equal("`t => t.Field` selects Field, a field of Ticket; declarations need a property", field);

        Assert.Null(MemberSelectorText.Select(typeof(Ticket), typeof(Guid), "t => t.Name", out var mismatch, out _));
        Assert.Equal("`t => t.Name` selects Name, a String, where a Guid is expected", mismatch);

        Assert.Null(MemberSelectorText.Select(typeof(Ticket), typeof(string), "name", out var parse, out var parseFix));
        Assert.Contains("is not a lambda", parse, StringComparison.Ordinal);
        Assert.Equal(MemberSelectorText.Fix, parseFix);
    }

    [Fact]
    public void A_property_hidden_with_new_is_the_most_derived_one()
    {
        var property = MemberSelectorText.Select(typeof(DerivedTicket), typeof(long), "t => t.Count", out _, out _);

        Assert.Equal(typeof(DerivedTicket), property?.DeclaringType);
    }

    [Fact]
    public void A_selector_that_is_not_a_lambda_is_a_declaration_problem_naming_the_resource_the_text_and_the_fix()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<SelectedByVariable>()));

        var attribute = Assert.Single(error.Problems, p => p.Option == "attribute");
        Assert.Equal(nameof(SelectedByVariable), attribute.Resource);
        Assert.Equal("`title` is not a lambda that selects a property: it is not a lambda (a variable or a method call holding one cannot be read)", attribute.Problem);
        Assert.Contains("write a lambda like `x => x.Name`", attribute.Fix, StringComparison.Ordinal);

        var missing = Assert.Single(error.Problems, p => p.Option == "belongs_to");
        Assert.Contains("source text is missing", missing.Problem, StringComparison.Ordinal);

        var identity = Assert.Single(error.Problems, p => p.Option == "identity unique_pair");
        Assert.Contains("`x => new { x.Id, x.Title.Length }`", identity.Problem, StringComparison.Ordinal);
        Assert.Contains("it goes past Title", identity.Problem, StringComparison.Ordinal);
    }

    public class Ticket
    {
        public string Name { get; set; } = "";

        public int Count { get; set; }

#pragma warning disable CA1051 // A field on purpose: selecting it is refused.
        public string Field = "";
#pragma warning restore CA1051
    }

    public sealed class DerivedTicket : Ticket
    {
        public new long Count { get; set; }
    }

    public sealed class SelectedByVariable : IResource<SelectedByVariable>
    {
        public Guid Id { get; set; }

        public string Title { get; set; } = "";

        public SelectedByVariable? Parent { get; set; }

        public Guid? ParentId { get; set; }

        public static void Define(ResourceBuilder<SelectedByVariable> r)
        {
            Func<SelectedByVariable, string> title = x => x.Title;
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(title);
            r.BelongsTo(x => x.Parent, null, null);
            r.Identity("unique_pair", x => new { x.Id, x.Title.Length });
        }
    }
}
