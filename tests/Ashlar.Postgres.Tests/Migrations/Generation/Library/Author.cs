using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Library;

/// <summary>Identities with a custom index name, a partial one with NULLs not distinct, a statement with a down.</summary>
public sealed class Author : IResource<Author>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string? Handle { get; set; }

    public DateTimeOffset InsertedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static void Define(ResourceBuilder<Author> r)
    {
        r.UuidPrimaryKey(a => a.Id);
        r.Attribute(a => a.Name);
        r.Attribute(a => a.Email, a => a.CaseInsensitive());
        r.Attribute(a => a.Handle);
        r.Timestamps();
        r.Identity("unique_email", a => a.Email);
        r.Identity("unique_handle", a => a.Handle, i => i.Where("handle IS NOT NULL").NilsDistinct(false));
        r.DefaultActions();
        r.Postgres(pg => pg
            .Table("authors").Schema("library").Repo<LibraryRepo>()
            .IdentityIndexName("unique_email", "authors_email_key_index")
            .Statement("author_count_fn",
                "CREATE FUNCTION library.author_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM library.authors'",
                "DROP FUNCTION library.author_count()"));
    }
}
