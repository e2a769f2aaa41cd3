using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Actions;

public sealed class ActionDeclarationTests
{
    public sealed class Memo : IResource<Memo>
    {
        public long Id { get; set; }

        public string Text { get; set; } = "";

        public int Size { get; set; }

        public string NotAnAttribute { get; set; } = "";

        public static void Define(ResourceBuilder<Memo> r)
        {
            r.IntegerPrimaryKey(m => m.Id);
            r.Attribute(m => m.Text);
            r.Attribute(m => m.Size);
            r.Create("create", a => a
                .Argument<string>("text")
                .Argument<int>("count", x => x.MaxLength(3))
                .Change(c => c.SetFromArgument(m => m.Text, "missing_argument"))
                .Change(c => c.Set(m => m.NotAnAttribute, "x"))
                .Validate(v => v.Present("nowhere"))
                .Validate(v => v.NoRelated(m => m.NotAnAttribute)));
            r.Update("archive", a => a.Soft(m => m.Text).Filter(m => m.Size > 1));
            r.Read("read", a => a.Primary().Validate(v => v.Present(m => m.Text)));
        }
    }

    [Fact]
    public void Unknown_arguments_and_attributes_and_misplaced_options_fail_the_build_with_the_fix()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("memos", d => d.Resource<Memo>()));

        var problems = error.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.Contains("action create: the argument text has the name of an attribute", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("argument count: MaxLength/MinLength only apply to strings", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("change set_from_argument: reads missing_argument, which is neither an attribute nor an argument", StringComparison.Ordinal)
            && p.Contains("a.Argument<...>(\"missing_argument\")", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("change set: sets not_an_attribute, which is not an attribute", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("validation present(nowhere): reads nowhere", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("names not_an_attribute, which is not a relationship", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("action archive: is declared Soft(...), which only a destroy action can be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("action archive: declares a filter", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("action read: is a read action with changes, validations or hooks", StringComparison.Ordinal));
        Assert.All(error.Problems, p => Assert.Equal("Memo", p.Resource));
    }
}
