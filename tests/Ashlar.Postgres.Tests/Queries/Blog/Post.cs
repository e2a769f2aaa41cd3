using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Queries.Blog;

public sealed class Post : IResource<Post>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public int Score { get; set; }

    public decimal? Rating { get; set; }

    public string[]? Tags { get; set; }

    public Dictionary<string, object?>? Metadata { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? Secret { get; set; }

    public Guid? ExternalId { get; set; }

    public long? AuthorId { get; set; }

    public Author? Author { get; set; }

    public List<Comment>? Comments { get; set; }

    public List<Comment>? VisibleComments { get; set; }

    public List<Category>? Categories { get; set; }

    public List<Comment>? OwnComments { get; set; }

    public List<Comment>? SameNameComments { get; set; }

    public int? CommentCount { get; set; }

    public int? VisibleLikes { get; set; }

    public decimal? AvgLikes { get; set; }

    public int? MaxLikes { get; set; }

    public string? TopComment { get; set; }

    public List<string>? CommentBodies { get; set; }

    public bool HasHiddenComments { get; set; }

    public int? CommenterCount { get; set; }

    public int Boosted { get; set; }

    public string? Byline { get; set; }

    public static void Define(ResourceBuilder<Post> r)
    {
        r.IntegerPrimaryKey(p => p.Id);
        r.Attribute(p => p.Title);
        r.Attribute(p => p.Score);
        r.Attribute(p => p.Rating, a => a.Precision(4, 1));
        r.Attribute(p => p.Tags);
        r.Attribute(p => p.Metadata);
        r.Attribute(p => p.PublishedAt);
        r.Attribute(p => p.Secret, a => a.Private());
        r.Attribute(p => p.ExternalId);
        r.BelongsTo(p => p.Author);
        r.HasMany(p => p.Comments);
        r.HasMany(p => p.VisibleComments, h => h.DestinationAttribute(c => c.PostId).Filter(c => !c.Hidden).Sort(c => c.Likes, descending: true));
        r.HasMany(p => p.OwnComments, h => h.DestinationAttribute(c => c.PostId).Filter((c, post) => c.AuthorId == post.AuthorId));
        r.HasMany(p => p.SameNameComments, h => h.DestinationAttribute(c => c.PostId).Filter((c, post) => c.Author!.Name == post.Author!.Name));
        r.ManyToMany(p => p.Categories, m => m.Through<PostCategory, long, long>(j => j.PostId, j => j.CategoryId));
        r.Count(p => p.CommentCount, p => p.Comments);
        r.Sum(p => p.VisibleLikes, p => p.Comments, c => c.Likes, a => a.Filter(c => !c.Hidden).Default(0));
        r.Avg(p => p.AvgLikes, p => p.Comments, c => c.Likes);
        r.Max(p => p.MaxLikes, p => p.Comments, c => c.Likes);
        r.First(p => p.TopComment, p => p.VisibleComments, c => c.Body);
        r.List(p => p.CommentBodies, p => p.VisibleComments, c => c.Body);
        r.Exists(p => p.HasHiddenComments, p => p.Comments, a => a.Filter(c => c.Hidden));
        r.Count(p => p.CommenterCount, p => p.Comments, c => c.AuthorId, a => a.Uniq());
        r.Calculate(p => p.Boosted, (p, args) => p.Score * args.Get<int>("factor"), new { factor = 2 });
        r.Calculate(p => p.Byline, p => p.Title + " by " + p.Author!.Name);
        r.DefaultActions();
        r.Postgres(pg => pg.Table("posts").Repo<BlogRepo>());
    }
}
