using Microsoft.EntityFrameworkCore;

namespace Ashlar.Benchmarks.Writes;

/// <summary>EF Core's model of the two write tables.</summary>
public sealed class WriteContext(DbContextOptions<WriteContext> options) : DbContext(options)
{
    public DbSet<NoteRow> Notes => Set<NoteRow>();

    public DbSet<MemberRow> Members => Set<MemberRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NoteRow>(e =>
        {
            e.ToTable("notes");
            e.Property(n => n.Id).HasColumnName("id");
            e.Property(n => n.PostId).HasColumnName("post_id");
            e.Property(n => n.AuthorId).HasColumnName("author_id");
            e.Property(n => n.Body).HasColumnName("body");
            e.Property(n => n.Score).HasColumnName("score");
            e.Property(n => n.CreatedAt).HasColumnName("created_at");
        });
        modelBuilder.Entity<MemberRow>(e =>
        {
            e.ToTable("members");
            e.Property(m => m.Id).HasColumnName("id");
            e.Property(m => m.Email).HasColumnName("email");
            e.Property(m => m.Name).HasColumnName("name");
        });
    }
}

/// <summary>EF Core's entity for notes.</summary>
public sealed class NoteRow
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public long AuthorId { get; set; }

    public string Body { get; set; } = "";

    public int Score { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>EF Core's entity for members.</summary>
public sealed class MemberRow
{
    public long Id { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";
}
