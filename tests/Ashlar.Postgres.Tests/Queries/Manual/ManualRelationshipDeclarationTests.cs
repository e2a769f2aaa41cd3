using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Repos;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>Manual relationships at domain build time: refused declarations, and no trace in the derived schema.</summary>
public sealed class ManualRelationshipDeclarationTests
{
    private static DeclarationException BuildBad() =>
        Assert.Throws<DeclarationException>(() => DomainModel.Build("bad", d => d.Resource<BadManualDeclarations>().Resource<Writer>().Resource<Story>().Resource<Note>()));

    [Fact]
    public void A_join_lambda_the_translator_refuses_fails_the_build_with_the_resource_relationship_and_fix()
    {
        var problem = Assert.Single(BuildBad().Problems, p => p.Option == "has_many hashed");
        Assert.Equal("BadManualDeclarations", problem.Resource);
        Assert.Contains("cannot be translated", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("GetHashCode", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("as a query filter", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_to_one_join_condition_reading_a_path_of_the_source_is_refused()
    {
        var problem = Assert.Single(BuildBad().Problems, p => p.Option == "has_one through_writer");
        Assert.Contains("cannot join through", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("own attributes", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_aggregate_or_sort_over_a_code_loaded_relationship_is_refused_at_build_time()
    {
        var problems = BuildBad().Problems;
        var aggregate = Assert.Single(problems, p => p.Option == "count by_code_count");
        Assert.Contains("BadManualDeclarations.by_code is a manual relationship loaded by code (NoLoader); it has no SQL join", aggregate.Problem, StringComparison.Ordinal);
        Assert.Contains(problems, p => p.Option == "has_many sorted_by_code" && p.Problem.Contains("loaded by code", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Declared_join_conditions_are_expressions_on_the_definitions()
    {
        var story = ManualFixture.Model.Resource<Story>();
        var notes = story.Relationship("notes_containing_title")!;
        Assert.True(notes.IsManual);
        Assert.True(notes.HasSqlJoin);
        Assert.Same(notes.JoinCondition, notes.Filter);
        Assert.Equal("((story_id Equal parent(id)) And Contains(title, parent(title)))", notes.JoinCondition!.ToString());
        Assert.Equal(1, story.Relationship("top_note")!.Limit);
        Assert.False(story.Relationship("featured")!.HasSqlJoin);
        Assert.Null(story.Relationship("featured")!.JoinCondition);
    }

    [Fact]
    public void Manual_relationships_add_no_column_and_no_foreign_key_to_the_schema()
    {
        var schema = ResourceSchemaBuilder.Build(ManualFixture.Model, typeof(DefaultRepo));

        var stories = schema.Tables.Single(t => t.Name == "stories");
        Assert.Equal(["id", "title", "writer_id"], stories.Columns.Select(c => c.Name));
        Assert.Equal(["writers"], stories.ForeignKeys.Select(k => k.ReferencedTable));
        var notes = schema.Tables.Single(t => t.Name == "notes");
        Assert.Equal(["id", "title", "likes", "story_id", "writer_id"], notes.Columns.Select(c => c.Name));
        Assert.Equal(["stories", "writers"], notes.ForeignKeys.Select(k => k.ReferencedTable).Order());
        Assert.Empty(schema.Tables.SelectMany(t => t.Indexes));
    }

    [Fact]
    public async Task A_loader_answering_the_wrong_number_of_lists_is_a_typed_error_naming_the_relationship()
    {
        var story = ManualFixture.Model.Resource<Story>();
        var relationship = story.Relationship("featured")!;
        var wrong = new ManualLoader<Story, Note>(new WrongLoader());

        var error = await Assert.ThrowsAnyAsync<AshlarException>(async () =>
            await wrong.LoadAsync(new List<Story> { new() { Id = 1 }, new() { Id = 2 } }, new ManualLoadContext(relationship, null), TestContext.Current.CancellationToken));
        Assert.Contains("featured (WrongLoader) returned 1 lists for 2 source records", error.Message, StringComparison.Ordinal);
    }

    private sealed class WrongLoader : IManualRelationship<Story, Note>
    {
        public ValueTask<IReadOnlyList<IReadOnlyList<Note>>> LoadAsync(IReadOnlyList<Story> sources, ManualLoadContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<IReadOnlyList<Note>>>([[]]);
    }
}
