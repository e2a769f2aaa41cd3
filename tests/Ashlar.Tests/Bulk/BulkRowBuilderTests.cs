using System.Text.Json;
using Ashlar.Actions;
using Ashlar.Bulk;
using Ashlar.Changesets;
using Ashlar.Domains;
using Ashlar.Multitenancy;
using Ashlar.Resources;
using Ashlar.Tests.Resources;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Ashlar.Tests.Bulk;

/// <summary>
/// The bulk create's fast path (<see cref="BulkRowBuilder"/>) against the changeset it stands in for: every input it
/// takes gets exactly the changeset's values, and it takes no input the changeset refuses.
/// </summary>
public sealed class BulkRowBuilderTests
{
    private static readonly DomainModel Model = DomainModel.Build("rows", d => d.Resource<Author>().Resource<Post>().Resource<Gadget>());
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 7, 18, 0, 0, 123, TimeSpan.Zero).AddTicks(4567));

    public static TheoryData<string, object?> PostInputs => new()
    {
        { "create", new { title = "Hi" } },
        { "create", new { title = "Hi", score = 5, mood = "very_sad" } },
        { "create", new { Title = "Pascal", Score = 7L, AuthorId = Guid.Parse("0a2f8bb4-8c71-4bd6-9d21-b2d5d2a5c1ef") } },
        { "create", new Dictionary<string, object?> { ["title"] = "dict", ["author_id"] = "0a2f8bb4-8c71-4bd6-9d21-b2d5d2a5c1ef", ["mood"] = null } },
        { "create", JsonDocument.Parse("""{"title": "json", "score": 3, "mood": "happy"}""").RootElement },
        { "create", new { title = "explicit nil score", score = (int?)null } },
        { "create", new { title = "below min", score = -1 } },
        { "create", new { title = "fraction", score = 1.5 } },
        { "create", new { score = 1 } },
        { "create", new { title = "unknown", nope = 1 } },
        { "create", new { title = "relationship", author = 1 } },
        { "create", new { title = "bad guid", author_id = "not-a-guid" } },
        { "create", new { title = "nul \0 inside" } },
        { "create", new { title = "own id", id = Guid.Empty } },
        { "create", null },
        { "create", new Post { Title = "typed" } },
        { "draft", new { title = "draft" } },
        { "draft", new { title = "draft", score = 3 } },
    };

    public static TheoryData<string?, object?> GadgetInputs => new()
    {
        { "7", new { name = "in tenant" } },
        { "7", new { name = "same tenant given", org_id = 7L } },
        { "7", new { name = "other tenant given", org_id = 8L } },
        { "7", new { name = "tenant as text", org_id = "7" } },
        { "7", new { name = "too long for a gadget name" } },
        { null, new { name = "no tenant", org_id = 3L } },
    };

    [Theory]
    [MemberData(nameof(PostInputs))]
    public void A_post_input_gets_the_changesets_values_or_goes_to_the_changeset(string action, object? input) =>
        AssertSameAsChangeset(Model.Resource<Post>(), action, input, tenant: null);

    [Theory]
    [MemberData(nameof(GadgetInputs))]
    public void A_tenant_input_gets_the_changesets_values_or_goes_to_the_changeset(string? tenant, object? input) =>
        AssertSameAsChangeset(Model.Resource<Gadget>(), "make", input, tenant);

    [Fact]
    public void Valid_inputs_of_one_type_all_take_the_fast_path_with_their_own_values()
    {
        var (builder, _, _) = Start(Model.Resource<Post>(), "create", tenant: null);

        var rows = Enumerable.Range(0, 50).Select(i => builder.TryBuild(new { title = $"t{i}", score = i })).ToList();

        Assert.All(rows, Assert.NotNull);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"t{i}"), rows.Select(r => r!.Single(v => v.Attribute.Name == "title").Value));
        Assert.Equal(50, rows.Select(r => r!.Single(v => v.Attribute.Name == "id").Value).Distinct().Count());
    }

    [Fact]
    public void An_action_with_logic_has_no_fast_path()
    {
        var resource = Model.Resource<Gadget>();
        var action = resource.Action(ActionKind.Create, "checked")!;

        Assert.Null(BulkRowBuilder.For(resource, action, BulkPlanner.Plan(Model, resource, action, new BulkCreateOptions()).Columns, Time, null));
    }

    private static void AssertSameAsChangeset(ResourceDefinition resource, string actionName, object? input, string? tenant)
    {
        var (builder, action, columns) = Start(resource, actionName, tenant);
        var row = builder.TryBuild(input);
        var changeset = Changeset.ForCreate(resource, action, input, Time, TenantCheck.Owner(resource, tenant));

        if (changeset.Errors.Count > 0)
        {
            Assert.Null(row);
            return;
        }

        if (row is null)
        {
            // Not taken: the changeset writes it (a typed record, say). Only inputs that are not anonymous objects may land here.
            Assert.IsType<Post>(input);
            return;
        }

        var expected = columns.Select(c => changeset.Values.FirstOrDefault(v => ReferenceEquals(v.Attribute, c)).Value).ToList();
        Assert.Equal(columns, row.Select(v => v.Attribute));
        for (var c = 0; c < columns.Count; c++)
        {
            if (expected[c] is Guid { Version: 7 } && row[c].Value is Guid generated)
            {
                Assert.Equal(7, generated.Version);
                continue;
            }

            Assert.Equal(expected[c], row[c].Value);
        }
    }

    private static (BulkRowBuilder Builder, ActionDefinition Action, IReadOnlyList<AttributeDefinition> Columns) Start(ResourceDefinition resource, string actionName, string? tenant)
    {
        var action = resource.Action(ActionKind.Create, actionName)!;
        var columns = BulkPlanner.Plan(Model, resource, action, new BulkCreateOptions { Tenant = tenant }).Columns;
        var builder = BulkRowBuilder.For(resource, action, columns, Time, TenantCheck.Owner(resource, tenant));
        Assert.NotNull(builder);
        return (builder, action, columns);
    }
}

/// <summary>A tenant-column resource with a fixed value set by its create action.</summary>
public sealed class Gadget : IResource<Gadget>
{
    public long Id { get; set; }

    public long? OrgId { get; set; }

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset MadeAt { get; set; }

    public static void Define(ResourceBuilder<Gadget> r)
    {
        r.IntegerPrimaryKey(g => g.Id);
        r.Attribute(g => g.OrgId);
        r.Attribute(g => g.Name, a => a.MaxLength(20));
        r.Attribute(g => g.Kind);
        r.CreateTimestamp(g => g.MadeAt);
        r.Multitenancy(m => m.Attribute(g => g.OrgId).Global());
        r.Create("make", a => a.Accept(g => g.Name).Accept(g => g.OrgId).Set(g => g.Kind, "gizmo"));
        r.Create("checked", a => a.Accept(g => g.Name).Validate(v => v.Present(g => g.Name)));
    }
}
