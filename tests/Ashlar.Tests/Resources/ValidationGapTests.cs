using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Tests.Resources;

public sealed class ValidationGapTests
{
    [Fact]
    public void Declaring_a_relationship_twice_is_a_declaration_problem_not_a_crash()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<Author>().Resource<TwiceRelated>()));

        Assert.Contains(error.Problems, p => p.Option == "relationship author" && p.Problem == "is declared more than once");
    }

    [Fact]
    public void Two_properties_with_the_same_snake_case_name_are_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<Clashing>()));

        Assert.Contains(error.Problems, p => p.Option == "attribute user_id" && p.Problem.Contains("both map", StringComparison.Ordinal));
    }

    [Fact]
    public void Actions_setting_unknown_attributes_and_defaults_of_the_wrong_type_are_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<BadSetAndDefault>()));

        Assert.Contains(error.Problems, p => p.Option == "action touch" && p.Problem.Contains("not an attribute", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Option == "attribute score" && p.Problem.Contains("is not a integer", StringComparison.Ordinal));
    }

    [Fact]
    public void Has_many_from_a_composite_key_or_onto_a_key_of_another_type_is_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<CompositeOwner>().Resource<Owned>()));

        Assert.Contains(error.Problems, p => p.Option == "has_many items" && p.Problem.Contains("no single-attribute primary key", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Option == "has_many others" && p.Problem.Contains("is uuid but Owned.composite_owner_id is integer", StringComparison.Ordinal));
    }

    [Fact]
    public void Length_and_bound_constraints_on_the_wrong_type_are_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<MisConstrained>()));

        Assert.Contains(error.Problems, p => p.Option == "attribute at" && p.Problem.StartsWith("Min/Max only apply", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Option == "attribute count" && p.Problem.StartsWith("MaxLength/MinLength only apply", StringComparison.Ordinal));
    }

    public sealed class CompositeOwner : IResource<CompositeOwner>
    {
        public Guid A { get; set; }

        public Guid B { get; set; }

        public List<Owned>? Items { get; set; }

        public static void Define(ResourceBuilder<CompositeOwner> r)
        {
            r.Attribute(x => x.A, a => a.PrimaryKey());
            r.Attribute(x => x.B, a => a.PrimaryKey());
            r.HasMany(x => x.Items);
        }
    }

    public sealed class Owned : IResource<Owned>
    {
        public Guid Id { get; set; }

        public int CompositeOwnerId { get; set; }

        public List<Owned>? Others { get; set; }

        public static void Define(ResourceBuilder<Owned> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.CompositeOwnerId);
            r.HasMany(x => x.Others, h => h.DestinationAttribute(o => o.CompositeOwnerId));
        }
    }

    public sealed class MisConstrained : IResource<MisConstrained>
    {
        public Guid Id { get; set; }

        public DateTimeOffset At { get; set; }

        public int Count { get; set; }

        public static void Define(ResourceBuilder<MisConstrained> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.At, a => a.Min(0));
            r.Attribute(x => x.Count, a => a.MaxLength(3));
        }
    }

    public sealed class TwiceRelated : IResource<TwiceRelated>
    {
        public Guid Id { get; set; }

        public Guid? AuthorId { get; set; }

        public Author? Author { get; set; }

        public static void Define(ResourceBuilder<TwiceRelated> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.BelongsTo(x => x.Author);
            r.BelongsTo(x => x.Author);
        }
    }

    public sealed class Clashing : IResource<Clashing>
    {
        public Guid Id { get; set; }

        public Guid UserId { get; set; }

        public Guid User_Id { get; set; }

        public static void Define(ResourceBuilder<Clashing> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.UserId);
            r.Attribute(x => x.User_Id);
        }
    }

    public sealed class BadSetAndDefault : IResource<BadSetAndDefault>
    {
        public Guid Id { get; set; }

        public int Score { get; set; }

        public string Unmapped { get; set; } = "";

        public static void Define(ResourceBuilder<BadSetAndDefault> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.Score, a => a.Default(DefaultValue.Literal("high")));
            r.Update("touch", a => a.Set(x => x.Unmapped, "x"));
        }
    }
}
