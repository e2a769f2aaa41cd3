using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

/// <summary>A second view of the posts table whose relationships declare a limit, and aggregates over them.</summary>
public sealed class LimitedPost : IResource<LimitedPost>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public long? AuthorId { get; set; }

    public List<Comment>? Comments { get; set; }

    /// <summary>The two most liked comments.</summary>
    public List<Comment>? TopComments { get; set; }

    /// <summary>The most liked visible comment: the filter applies before the limit.</summary>
    public List<Comment>? BestVisible { get; set; }

    /// <summary>The most liked comment by the post's author: a filter reading the post, before the limit.</summary>
    public List<Comment>? OwnBest { get; set; }

    /// <summary>The first category by name.</summary>
    public List<Category>? FirstCategory { get; set; }

    public int TopCount { get; set; }

    public int? TopLikes { get; set; }

    public long? TopIdSum { get; set; }

    public int LowTopCount { get; set; }

    public string? TopBody { get; set; }

    public List<string>? TopBodies { get; set; }

    public bool HasUnlikedTop { get; set; }

    public int FirstCategoryCount { get; set; }

    public long TopIdSumInline { get; set; }

    public int CommentCount { get; set; }

    public static void Define(ResourceBuilder<LimitedPost> r)
    {
        r.IntegerPrimaryKey(p => p.Id);
        r.Attribute(p => p.Title);
        r.Attribute(p => p.AuthorId);
        r.HasMany(p => p.Comments, h => h.DestinationAttribute(c => c.PostId));
        r.HasMany(p => p.TopComments, h => h.DestinationAttribute(c => c.PostId).Sort(c => c.Likes, descending: true).Limit(2));
        r.HasMany(p => p.BestVisible, h => h.DestinationAttribute(c => c.PostId).Filter(c => !c.Hidden).Sort(c => c.Likes, descending: true).Limit(1));
        r.HasMany(p => p.OwnBest, h => h.DestinationAttribute(c => c.PostId).Filter((c, post) => c.AuthorId == post.AuthorId).Sort(c => c.Likes, descending: true).Limit(1));
        r.ManyToMany(p => p.FirstCategory, m => m.Through<PostCategory, long, long>(j => j.PostId, j => j.CategoryId).Sort(c => c.Name).Limit(1));
        r.Count(p => p.TopCount, p => p.TopComments);
        r.Sum(p => p.TopLikes, p => p.TopComments, c => c.Likes);
        r.Sum(p => p.TopIdSum, p => p.TopComments, c => c.Id);
        r.Count(p => p.LowTopCount, p => p.TopComments, a => a.Filter(c => c.Likes < 4));
        r.First(p => p.TopBody, p => p.TopComments, c => c.Body);
        r.List(p => p.TopBodies, p => p.TopComments, c => c.Body);
        r.Exists(p => p.HasUnlikedTop, p => p.TopComments, a => a.Filter(c => c.Likes == 0));
        r.Count(p => p.FirstCategoryCount, p => p.FirstCategory);
        r.Count(p => p.CommentCount, p => p.Comments);
        r.Calculate(p => p.TopIdSumInline, p => p.TopComments!.Sum(c => c.Id));
        r.Read("read", a => a.Primary());
        r.Postgres(pg => pg.Table("posts").Repo<BlogRepo>().Migrate(false));
    }
}
