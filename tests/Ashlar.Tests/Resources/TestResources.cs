using Ashlar.Resources;

namespace Ashlar.Tests.Resources;

public enum Mood
{
    Happy,
    VerySad,
}

public sealed class Author : IResource<Author>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Bio { get; set; }

    public List<Post>? Posts { get; set; }

    public static void Define(ResourceBuilder<Author> r)
    {
        r.UuidPrimaryKey(a => a.Id);
        r.Attribute(a => a.Name, a => a.MaxLength(10));
        r.Attribute(a => a.Bio);
        r.HasMany(a => a.Posts);
        r.Identity("unique_name", a => a.Name);
        r.DefaultActions();
    }
}

public sealed class Post : IResource<Post>
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public int Score { get; set; }

    public Mood Mood { get; set; }

    public Guid? AuthorId { get; set; }

    public Author? Author { get; set; }

    public DateTimeOffset InsertedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static void Define(ResourceBuilder<Post> r)
    {
        r.UuidV7PrimaryKey(p => p.Id);
        r.Attribute(p => p.Title);
        r.Attribute(p => p.Score, a => a.Default(0).Min(0));
        r.Attribute(p => p.Mood, a => a.Default(Mood.Happy));
        r.Timestamps();
        r.BelongsTo(p => p.Author);
        r.DefaultActions();
        r.Create("draft", a => a.Accept(p => p.Title));
    }
}
