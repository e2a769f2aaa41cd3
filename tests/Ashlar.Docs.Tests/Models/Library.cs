using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Models.Library;

public sealed class Book : IResource<Book>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public long AuthorId { get; set; }

    public Author? Author { get; set; }

    public static void Define(ResourceBuilder<Book> r) => r.DefaultActions();
}

public sealed class Author : IResource<Author>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public List<Book>? Books { get; set; }

    public static void Define(ResourceBuilder<Author> r) => r.DefaultActions();
}

public sealed class Event : IResource<Event>
{
    public long Id { get; set; }

    public DateTimeOffset HappenedAt { get; set; }

    public static void Define(ResourceBuilder<Event> r) => r.DefaultActions();
}
