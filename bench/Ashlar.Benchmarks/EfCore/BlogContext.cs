using Ashlar.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace Ashlar.Benchmarks.EfCore;

/// <summary>The EF Core model of the same tables (snake_case columns, no tracking in the benchmarks).</summary>
public sealed class BlogContext(DbContextOptions<BlogContext> options) : DbContext(options)
{
    public DbSet<PostRow> Posts => Set<PostRow>();

    public DbSet<CommentRow> Comments => Set<CommentRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PostRow>(e =>
        {
            e.ToTable("posts");
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.Title).HasColumnName("title");
            e.Property(p => p.Body).HasColumnName("body");
            e.Property(p => p.Score).HasColumnName("score");
            e.Property(p => p.Published).HasColumnName("published");
            e.Property(p => p.AuthorId).HasColumnName("author_id");
            e.HasMany(p => p.Comments).WithOne().HasForeignKey(c => c.PostId);
        });
        modelBuilder.Entity<CommentRow>(e =>
        {
            e.ToTable("comments");
            e.Property(c => c.Id).HasColumnName("id");
            e.Property(c => c.Body).HasColumnName("body");
            e.Property(c => c.PostId).HasColumnName("post_id");
            e.Property(c => c.AuthorId).HasColumnName("author_id");
        });
    }
}
