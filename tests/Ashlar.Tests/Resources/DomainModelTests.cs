using Ashlar.Actions;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;
using Xunit;

namespace Ashlar.Tests.Resources;

public sealed class DomainModelTests
{
    private static DomainModel Blog() => DomainModel.Build("blog", d => d.Resource<Author>().Resource<Post>());

    [Fact]
    public void Attributes_get_snake_case_names_types_and_nullability_from_the_properties()
    {
        var post = Blog().Resource<Post>();

        Assert.Equal(["id", "title", "score", "mood", "inserted_at", "updated_at", "author_id"], post.Attributes.Select(a => a.Name));
        Assert.Equal(TypeKind.Uuid, post.Attribute("id")!.Type.Kind);
        Assert.Equal(TypeKind.Enum, post.Attribute("mood")!.Type.Kind);
        Assert.Equal(TypeKind.UtcDateTime, post.Attribute("inserted_at")!.Type.Kind);
        Assert.False(post.Attribute("title")!.AllowNil);
        Assert.True(post.Attribute("author_id")!.AllowNil);
        Assert.True(post.Attribute("author_id")!.IsForeignKey);
        Assert.Equal(["id"], post.PrimaryKey.Select(a => a.Name));
    }

    [Fact]
    public void Nil_computed_for_a_non_nullable_property_is_a_typed_error_naming_the_field()
    {
        var post = Blog().Resource<Post>();
        var record = new Post();

        var error = Assert.Throws<InvalidException>(() => post.SetValue(record, "score", null));
        var invalid = Assert.IsType<InvalidAttribute>(Assert.Single(error.Errors));
        Assert.Equal(("Post", "score"), (invalid.Resource, invalid.Field));
        Assert.Contains("declare the property nullable", invalid.Message, StringComparison.Ordinal);
        post.SetValue(record, "author_id", null);
        Assert.Null(record.AuthorId);
    }

    [Fact]
    public void Nullable_reference_types_allow_nil()
    {
        var author = Blog().Resource<Author>();

        Assert.True(author.Attribute("bio")!.AllowNil);
        Assert.False(author.Attribute("name")!.AllowNil);
    }

    [Fact]
    public void Relationships_resolve_their_keys_against_the_destination()
    {
        var model = Blog();
        var belongsTo = model.Resource<Post>().Relationship("author")!;
        var hasMany = model.Resource<Author>().Relationship("posts")!;

        Assert.Equal(("author_id", "id"), (belongsTo.SourceAttribute, belongsTo.DestinationAttribute));
        Assert.Equal(("id", "author_id"), (hasMany.SourceAttribute, hasMany.DestinationAttribute));
        Assert.Equal(typeof(Post), hasMany.DestinationType);
    }

    [Fact]
    public void Default_actions_accept_public_writable_attributes_only()
    {
        var create = Blog().Resource<Post>().Action(ActionKind.Create)!;

        Assert.Equal("create", create.Name);
        Assert.Equal(["title", "score", "mood", "author_id"], create.Accept);
        Assert.Equal(["title"], Blog().Resource<Post>().Action(ActionKind.Create, "draft")!.Accept);
    }

    [Fact]
    public void A_relationship_to_a_resource_outside_the_domain_names_the_resource_and_the_fix()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("blog", d => d.Resource<Post>()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("Post", problem.Resource);
        Assert.Equal("belongs_to author", problem.Option);
        Assert.Contains(".Resource<Author>()", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("bad", d => d.Resource<Broken>()));

        Assert.Contains(error.Problems, p => p.Option == "identity bad" && p.Problem.Contains("nope", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Option == "action create" && p.Problem.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Option == "action create" && p.Problem.Contains("not writable", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Option.StartsWith("attribute a_name_that_is", StringComparison.Ordinal) && p.Problem.Contains("63 bytes", StringComparison.Ordinal));
        Assert.Single(error.Problems, p => p.Option == "action read" && p.Problem.Contains("more than once", StringComparison.Ordinal));
        Assert.Single(error.Problems, p => p.Option == "identity twice" && p.Problem == "is declared more than once");
        Assert.Single(error.Problems, p => p.Option == "update actions" && p.Problem == "edit and change are all primary");
        Assert.DoesNotContain(error.Problems, p => p.Option == "read actions");
        Assert.Contains("Broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_without_a_primary_key_is_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("bad", d => d.Resource<Keyless>()));

        Assert.Contains(error.Problems, p => p.Resource == "Keyless" && p.Option == "primary key");
    }

    [Fact]
    public void Snake_case_handles_acronyms_and_digits()
    {
        Assert.Equal("inserted_at", Naming.ToSnakeCase("InsertedAt"));
        Assert.Equal("http_code", Naming.ToSnakeCase("HTTPCode"));
        Assert.Equal("address2_line", Naming.ToSnakeCase("Address2Line"));
        Assert.Equal("id", Naming.ToSnakeCase("Id"));
    }

    public sealed class Broken : IResource<Broken>
    {
        public Guid Id { get; set; }

        public string AName_That_Is_Far_Too_Long_For_Postgres_To_Keep_Without_Truncating_It { get; set; } = "";

        public string Nope { get; set; } = "";

        public string Missing { get; set; } = "";

        public static void Define(ResourceBuilder<Broken> r)
        {
            r.UuidPrimaryKey(b => b.Id);
            r.Attribute(b => b.AName_That_Is_Far_Too_Long_For_Postgres_To_Keep_Without_Truncating_It);
            r.Identity("bad", b => b.Nope);
            r.Identity("twice", b => b.Id);
            r.Identity("twice", b => b.Id);
            r.Read("read");
            r.Read("read");
            r.Read("read");
            r.Update("edit", a => a.Primary());
            r.Update("change", a => a.Primary());
            r.Create("create", a => a.Accept(b => b.Missing, b => b.Id));
        }
    }

    public sealed class Keyless : IResource<Keyless>
    {
        public string Name { get; set; } = "";

        public static void Define(ResourceBuilder<Keyless> r) => r.Attribute(k => k.Name);
    }
}
