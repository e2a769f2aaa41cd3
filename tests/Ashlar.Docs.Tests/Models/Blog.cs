using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Models.Blog;

public sealed class Post : IResource<Post>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public int Score { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public long? AuthorId { get; set; }

    public Author? Author { get; set; }

    public List<Comment>? Comments { get; set; }

    public int? CommentCount { get; set; }

    public static void Define(ResourceBuilder<Post> r) => r.DefaultActions();
}

public sealed class Comment : IResource<Comment>
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public Post? Post { get; set; }

    public long? AuthorId { get; set; }

    public int Likes { get; set; }

    public bool Hidden { get; set; }

    public static void Define(ResourceBuilder<Comment> r) => r.DefaultActions();
}

public sealed class Author : IResource<Author>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Author> r) => r.DefaultActions();
}
