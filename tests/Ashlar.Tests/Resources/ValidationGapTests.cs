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

    [Fact]
    public void A_relationship_property_that_cannot_take_the_loaded_records_is_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<SetHolder>().Resource<Held>()));

        Assert.Contains(error.Problems, p => p.Option == "has_many held_set" && p.Problem.Contains("cannot take the loaded List<Held>", StringComparison.Ordinal) &&
            p.Fix.Contains("IReadOnlyList<Held>", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Option == "has_many read_only" && p.Problem.Contains("no setter", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Problems, p => p.Option is "has_many as_array" or "has_many as_read_only_list");
    }

    [Fact]
    public void A_filter_reading_the_source_record_needs_a_unique_source_attribute()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("x", d => d.Resource<SetHolder>().Resource<Held>()));

        Assert.Contains(error.Problems, p => p.Option == "has_many cheap" && p.Problem.Contains("SetHolder.code is not unique", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Problems, p => p.Option == "has_many cheap_by_id");
    }

    public sealed class SetHolder : IResource<SetHolder>
    {
        public long Id { get; set; }

        public int Code { get; set; }

        public int MaxPrice { get; set; }

        public HashSet<Held>? HeldSet { get; set; }

        public List<Held> ReadOnly { get; } = [];

        public Held[]? AsArray { get; set; }

        public IReadOnlyList<Held>? AsReadOnlyList { get; set; }

        public List<Held>? Cheap { get; set; }

        public List<Held>? CheapById { get; set; }

        public static void Define(ResourceBuilder<SetHolder> r)
        {
            r.IntegerPrimaryKey(h => h.Id);
            r.Attribute(h => h.Code);
            r.Attribute(h => h.MaxPrice);
            r.HasMany(h => h.HeldSet, h => h.DestinationAttribute(x => x.SetHolderId));
            r.HasMany(h => h.ReadOnly, h => h.DestinationAttribute(x => x.SetHolderId));
            r.HasMany(h => h.AsArray, h => h.DestinationAttribute(x => x.SetHolderId));
            r.HasMany(h => h.AsReadOnlyList, h => h.DestinationAttribute(x => x.SetHolderId));
            r.HasMany(h => h.Cheap, h => h.SourceAttribute(x => x.Code).DestinationAttribute(x => x.Code).Filter((held, holder) => held.Price <= holder.MaxPrice));
            r.HasMany(h => h.CheapById, h => h.DestinationAttribute(x => x.SetHolderId).Filter((held, holder) => held.Price <= holder.MaxPrice));
        }
    }

    public sealed class Held : IResource<Held>
    {
        public long Id { get; set; }

        public long SetHolderId { get; set; }

        public int Code { get; set; }

        public int Price { get; set; }

        public static void Define(ResourceBuilder<Held> r)
        {
            r.IntegerPrimaryKey(h => h.Id);
            r.Attribute(h => h.SetHolderId);
            r.Attribute(h => h.Code);
            r.Attribute(h => h.Price);
        }
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
