using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Models.Stories;

public sealed class Story : IResource<Story>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public long? WriterId { get; set; }

    public Writer? Writer { get; set; }

    public List<Note>? Notes { get; set; }

    public List<Note>? NotesContainingTitle { get; set; }

    public Note? TopNote { get; set; }

    public IReadOnlyList<Note>? Featured { get; set; }

    public int CountOfNotesContainingTitle { get; set; }

    public static void Define(ResourceBuilder<Story> r) => r.DefaultActions();
}

public sealed class Note : IResource<Note>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public int Likes { get; set; }

    public long? StoryId { get; set; }

    public long? WriterId { get; set; }

    public Story? Story { get; set; }

    public Writer? Writer { get; set; }

    public static void Define(ResourceBuilder<Note> r) => r.DefaultActions();
}

public sealed class Writer : IResource<Writer>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public List<Story>? Stories { get; set; }

    public static void Define(ResourceBuilder<Writer> r) => r.DefaultActions();
}
