using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Models.Articles;

public sealed class Article : IResource<Article>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string? Slug { get; set; }

    public string Status { get; set; } = "draft";

    public int Views { get; set; }

    public string? ClosedReason { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public long? WriterId { get; set; }

    public Writer? Writer { get; set; }

    public List<Remark>? Remarks { get; set; }

    public static void Define(ResourceBuilder<Article> r) => r.DefaultActions();
}

public sealed class AuditEntry : IResource<AuditEntry>
{
    public long Id { get; set; }

    public string Message { get; set; } = "";

    public static void Define(ResourceBuilder<AuditEntry> r) => r.DefaultActions();
}

public sealed class Remark : IResource<Remark>
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public long? ArticleId { get; set; }

    public Article? Article { get; set; }

    public static void Define(ResourceBuilder<Remark> r) => r.DefaultActions();
}

public sealed class Writer : IResource<Writer>
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public static void Define(ResourceBuilder<Writer> r) => r.DefaultActions();
}

public sealed class AddArgument : IChange<Article>
{
    public ValueTask ChangeAsync(Changeset<Article> changeset, ActionContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
