using Ashlar.Expressions;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

/// <summary>A second view of the posts table whose calculations use inline aggregates and exists over another resource.</summary>
public sealed class InlinePost : IResource<InlinePost>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public long? AuthorId { get; set; }

    public Author? Author { get; set; }

    public List<Comment>? Comments { get; set; }

    public int TotalLikes { get; set; }

    public int ShownComments { get; set; }

    public int? BestLikes { get; set; }

    public int AuthorPostCount { get; set; }

    public bool AuthorHasProfile { get; set; }

    public static void Define(ResourceBuilder<InlinePost> r)
    {
        r.IntegerPrimaryKey(p => p.Id);
        r.Attribute(p => p.Title);
        r.BelongsTo(p => p.Author);
        r.HasMany(p => p.Comments, h => h.DestinationAttribute(c => c.PostId));
        r.Calculate(p => p.TotalLikes, p => p.Comments!.Sum(c => c.Likes));
        r.Calculate(p => p.ShownComments, p => p.Comments!.Count(c => !c.Hidden));
        r.Calculate(p => p.BestLikes, p => p.Comments!.Max(c => (int?)c.Likes));
        r.Calculate(p => p.AuthorPostCount, p => p.Author!.Posts!.Count());
        r.Calculate(p => p.AuthorHasProfile, p => Fn.Exists<Profile>(x => x.AuthorId == p.AuthorId));
        r.Read("read", a => a.Primary());
        r.Postgres(pg => pg.Table("posts").Repo<BlogRepo>().Migrate(false));
    }
}
