using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace HelpDesk.Resources;

/// <summary>A prepared answer agents paste into comments; global when it has no organization.</summary>
public sealed class CannedReply : IResource<CannedReply>
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string? Shortcut { get; set; }

    public string Body { get; set; } = "";

    public bool Archived { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? AuthorId { get; set; }

    public Organization? Organization { get; set; }

    public User? Author { get; set; }

    public static void Define(ResourceBuilder<CannedReply> r)
    {
        r.UuidPrimaryKey(c => c.Id);
        r.Attribute(c => c.Title, a => a.MaxLength(120));
        r.Attribute(c => c.Shortcut, a => a.MaxLength(20));
        r.Attribute(c => c.Body);
        r.Attribute(c => c.Archived, a => a.Default(false));
        r.BelongsTo(c => c.Organization);
        r.BelongsTo(c => c.Author);

        // "/thanks" is unique among the live replies of an organization, and among the global ones (NULL = NULL).
        r.Identity("unique_shortcut", c => new { c.OrganizationId, c.Shortcut }, i => i.Where("NOT archived").NilsDistinct(false));
        r.DefaultActions();
        r.Postgres(pg => pg
            .Table("canned_replies").Schema("helpdesk").Repo<HelpDeskRepo>()
            .MigrationType(c => c.Title, "varchar(120)")
            .MigrationDefault(c => c.Archived, "false")
            .Reference(c => c.Organization, f => f.OnDelete(OnDelete.Delete).Index("organization_id IS NOT NULL"))
            .Reference(c => c.Author, f => f
                .Name("canned_replies_written_by_fkey").OnDelete(OnDelete.Nilify).OnUpdate(OnUpdate.Nilify))
            .IdentityIndexName("unique_shortcut", "canned_replies_shortcut_index")
            .Index(["organization_id", "title"], i => i
                .Unique("a reply with this title already exists", "title").NullsDistinct(false))
            .CheckConstraint("shortcut_format", "shortcut ~ '^/[a-z0-9_-]+$'",
                message: "must start with / and use only lowercase letters, digits, - and _",
                name: "canned_replies_shortcut_format_check", attributes: c => c.Shortcut)

            // The global replies every help desk starts with (SQL only: no down, so this migration cannot be rolled back).
            .Statement("""
                INSERT INTO "helpdesk"."canned_replies" ("title", "shortcut", "body") VALUES
                  ('Thanks', '/thanks', 'Thanks for getting in touch, we are looking into it.'),
                  ('Need more details', '/details', 'Could you tell us the steps that lead to the problem?')
                """)
            .Statement("suggest_replies_function",
                up: """
                    CREATE FUNCTION "helpdesk"."suggest_replies"(query text) RETURNS SETOF "helpdesk"."canned_replies"
                    LANGUAGE sql STABLE AS $$
                      SELECT * FROM "helpdesk"."canned_replies" WHERE NOT archived
                      ORDER BY similarity(title || ' ' || body, query) DESC LIMIT 3
                    $$
                    """,
                down: "DROP FUNCTION \"helpdesk\".\"suggest_replies\"(text)")

            // When canned replies go away, so does the tag tickets got when an agent answered with one (and, by the
            // cascade of every organization's ticket_tags, its taggings).
            .Statement("untag_canned_tickets", up: "DELETE FROM \"helpdesk\".\"tags\" WHERE name = 'canned'",
                onDestroy: true));
    }
}
