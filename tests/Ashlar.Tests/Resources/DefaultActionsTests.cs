using Ashlar.Actions;
using Ashlar.Domains;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Tests.Resources;

/// <summary>
/// <c>DefaultActions()</c> declares its four actions without an action builder (see DefaultActionDraft); they must be
/// the actions the builder would make from the same declarations written out.
/// </summary>
public sealed class DefaultActionsTests
{
    [Fact]
    public void Default_actions_are_the_primary_actions_a_builder_declares()
    {
        var model = DomainModel.Build("notes", d => d.Resource<DefaultNote>().Resource<SpelledOutNote>());

        var defaults = model.Resource<DefaultNote>().Actions;
        var spelledOut = model.Resource<SpelledOutNote>().Actions;

        Assert.Equal(spelledOut.Select(Shape), defaults.Select(Shape));
        Assert.Equal(["read", "create", "update", "destroy"], defaults.Select(a => a.Name));
        Assert.All(defaults, a => Assert.True(a.Primary));
    }

    [Fact]
    public void Create_and_update_accept_the_public_writable_attributes_only()
    {
        var note = DomainModel.Build("notes", d => d.Resource<DefaultNote>()).Resource<DefaultNote>();

        Assert.Equal(["title", "body"], note.Action(ActionKind.Create)!.Accept);
        Assert.Equal(["title", "body"], note.Action(ActionKind.Update)!.Accept);
        Assert.Empty(note.Action(ActionKind.Read)!.Accept);
        Assert.Empty(note.Action(ActionKind.Destroy)!.Accept);
    }

    // Everything an action definition carries, as values (its lists compared by content).
    private static string Shape(ActionDefinition action) => string.Join(" | ",
        action.Name, action.Kind, action.Primary, string.Join(",", action.Accept), action.Set.Count, action.Atomics.Count,
        action.AtomicValidations.Count, action.Arguments.Count, action.Steps.Count, action.Preparations is null,
        action.SoftDestroyAttribute ?? "-", action.DefaultPageSize ?? -1, action.MaxPageSize ?? -1, action.Get, action.HasLogic);

    public sealed class DefaultNote : IResource<DefaultNote>
    {
        public long Id { get; set; }

        public string Title { get; set; } = "";

        public string? Body { get; set; }

        public string Secret { get; set; } = "";

        public int Revision { get; set; }

        public static void Define(ResourceBuilder<DefaultNote> r)
        {
            r.IntegerPrimaryKey(x => x.Id);
            r.Attribute(x => x.Title);
            r.Attribute(x => x.Body);
            r.Attribute(x => x.Secret, a => a.Private());
            r.Attribute(x => x.Revision, a => a.Writable(false).Default(0));
            r.DefaultActions();
        }
    }

    public sealed class SpelledOutNote : IResource<SpelledOutNote>
    {
        public long Id { get; set; }

        public string Title { get; set; } = "";

        public string? Body { get; set; }

        public string Secret { get; set; } = "";

        public int Revision { get; set; }

        public static void Define(ResourceBuilder<SpelledOutNote> r)
        {
            r.IntegerPrimaryKey(x => x.Id);
            r.Attribute(x => x.Title);
            r.Attribute(x => x.Body);
            r.Attribute(x => x.Secret, a => a.Private());
            r.Attribute(x => x.Revision, a => a.Writable(false).Default(0));
            r.Read("read", a => a.Primary());
            r.Create("create", a => a.Primary().AcceptAllPublic());
            r.Update("update", a => a.Primary().AcceptAllPublic());
            r.Destroy("destroy", a => a.Primary());
        }
    }
}
