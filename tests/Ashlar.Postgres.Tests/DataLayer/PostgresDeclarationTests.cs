using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Tests.DataLayer.Gadgets;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

public sealed class PostgresDeclarationTests
{
    [Fact]
    public void Two_migrated_resources_on_one_table_are_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("lab", d => d.Resource<Gadget>().Resource<Manual>().Resource<GadgetCopy>()));

        Assert.Contains(error.Problems, p => p.Resource == "GadgetCopy" && p.Option == "postgres table" && p.Problem.Contains("lab.gadgets", StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_insensitive_attribute_on_a_repo_without_citext_is_refused_naming_the_repo_and_extension()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("plain", d => d.Resource<Nickname>()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("Nickname", "attribute handle"), (problem.Resource, problem.Option));
        Assert.Contains("plain_repo", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("citext", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_insensitive_attribute_on_a_repo_listing_citext_is_accepted()
    {
        var domain = DomainModel.Build("lab", d => d.Resource<Gadget>().Resource<Manual>());

        Assert.Contains(domain.Resources, r => r.Name == "Gadget");
    }

    [Fact]
    public void A_check_constraint_reports_on_the_attributes_its_selector_names()
    {
        var domain = DomainModel.Build("plain", d => d.Resource<Box>());

        var checks = domain.Resource<Box>().Extension<PostgresOptions>()!.CheckConstraints;
        Assert.Equal(["width", "height"], checks.Single(c => c.Key == "positive_size").Attributes);
        Assert.Equal(["width"], checks.Single(c => c.Key == "narrow").Attributes);
        Assert.Empty(checks.Single(c => c.Key == "anything").Attributes);
    }

    [Fact]
    public void A_check_constraint_selector_that_names_no_property_is_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("plain", d => d.Resource<BadBox>()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("BadBox", "check_constraint wide"), (problem.Resource, problem.Option));
    }

    [Fact]
    public void Index_problems_name_the_index_by_its_keys()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("plain", d => d.Resource<BadIndexes>()));

        Assert.Equal(
            [
                ("index [lower(label)]", "an index over SQL expressions has no default name"),
                ("index [nope]", "names the column nope, which is not an attribute"),
                ("index [label, width_of_the_box_in_millimetres, height_of_the_box_in_millimetres]", "the name \"boxes_with_indexes_label_width_of_the_box_in_millimetres_height_of_the_box_in_millimetres_index\" is longer than 63 bytes; PostgreSQL would silently truncate it"),
            ],
            error.Problems.Select(p => (p.Option, p.Problem)));
    }

    public sealed class PlainRepo : Repos.PostgresRepo;

    public sealed class BadIndexes : IResource<BadIndexes>
    {
        public Guid Id { get; set; }

        public string Label { get; set; } = "";

        public int WidthOfTheBoxInMillimetres { get; set; }

        public int HeightOfTheBoxInMillimetres { get; set; }

        public static void Define(ResourceBuilder<BadIndexes> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.Label);
            r.Attribute(x => x.WidthOfTheBoxInMillimetres);
            r.Attribute(x => x.HeightOfTheBoxInMillimetres);
            r.Postgres(pg => pg.Table("boxes_with_indexes").Repo<PlainRepo>()
                .IndexOnExpressions(["lower(label)"])
                .Index(["nope"])
                .Index(x => new { x.Label, x.WidthOfTheBoxInMillimetres, x.HeightOfTheBoxInMillimetres }));
        }
    }

    public sealed class Box : IResource<Box>
    {
        public Guid Id { get; set; }

        public int Width { get; set; }

        public int Height { get; set; }

        public static void Define(ResourceBuilder<Box> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.Width);
            r.Attribute(x => x.Height);
            r.Postgres(pg => pg.Table("boxes").Repo<PlainRepo>()
                .CheckConstraint("positive_size", "width > 0 AND height > 0", message: "must be positive", attributes: x => new { x.Width, x.Height })
                .CheckConstraint("narrow", "width < 100", attributes: x => x.Width)
                .CheckConstraint("anything", "true"));
        }
    }

    public sealed class BadBox : IResource<BadBox>
    {
        public Guid Id { get; set; }

        public int Width { get; set; }

        public static void Define(ResourceBuilder<BadBox> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.Width);
            r.Postgres(pg => pg.Table("bad_boxes").Repo<PlainRepo>()
                .CheckConstraint("wide", "width > 10", attributes: x => x.Width + 1));
        }
    }

    public sealed class Nickname : IResource<Nickname>
    {
        public Guid Id { get; set; }

        public string Handle { get; set; } = "";

        public static void Define(ResourceBuilder<Nickname> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Attribute(x => x.Handle, a => a.CaseInsensitive());
            r.Postgres(pg => pg.Table("nicknames").Repo<PlainRepo>());
        }
    }

    public sealed class GadgetCopy : IResource<GadgetCopy>
    {
        public Guid Id { get; set; }

        public static void Define(ResourceBuilder<GadgetCopy> r)
        {
            r.UuidPrimaryKey(x => x.Id);
            r.Postgres(pg => pg.Table("gadgets").Schema("lab").Repo<GadgetRepo>());
        }
    }
}
