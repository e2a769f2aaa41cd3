using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>A post with manual relationships, after AshPostgres' Post.comments_containing_title.</summary>
public sealed class Story : IResource<Story>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public long? WriterId { get; set; }

    public Writer? Writer { get; set; }

    public List<Note>? Notes { get; set; }

    /// <summary>The story's notes whose title contains the story's title (SQL-joinable).</summary>
    public List<Note>? NotesContainingTitle { get; set; }

    /// <summary>The most liked of those (to-one, SQL-joinable).</summary>
    public Note? TopNote { get; set; }

    /// <summary>Notes from "another service" (code-loaded).</summary>
    public IReadOnlyList<Note>? Featured { get; set; }

    /// <summary>A note from "another service" (to-one, code-loaded).</summary>
    public Note? Spotlight { get; set; }

    public int CountOfNotesContainingTitle { get; set; }

    public int? LikesOfNotesContainingTitle { get; set; }

    /// <summary>The loader of <see cref="Featured"/>; the fixture's tests read its calls.</summary>
    public static FeaturedLoader Loader { get; } = new();

    public static void Define(ResourceBuilder<Story> r)
    {
        r.IntegerPrimaryKey(s => s.Id);
        r.Attribute(s => s.Title);
        r.BelongsTo(s => s.Writer);
        r.HasMany(s => s.Notes);
        r.HasManyManual(s => s.NotesContainingTitle, (s, n) => n.StoryId == s.Id && n.Title.Contains(s.Title));
        r.HasOneManual(s => s.TopNote, (s, n) => n.StoryId == s.Id && n.Title.Contains(s.Title), m => m.Sort(n => n.Likes, descending: true));
        r.HasManyManual(s => s.Featured, Loader);
        r.HasOneManual(s => s.Spotlight, new SpotlightLoader());
        r.Count(s => s.CountOfNotesContainingTitle, s => s.NotesContainingTitle);
        r.Sum(s => s.LikesOfNotesContainingTitle, s => s.NotesContainingTitle, n => n.Likes);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("stories"));
    }
}
