using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Testing;

namespace Ashlar.Postgres.Tests.Queries.Blog;

/// <summary>A database of its own with the blog's tables and a small fixed data set; a domain over it.</summary>
public class BlogFixture : DatabaseFixture
{
    private Domain? _domain;

    public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

    public static DomainModel Model { get; } = DomainModel.Build("blog", d => d
        .Resource<Author>().Resource<Profile>().Resource<Post>().Resource<Comment>().Resource<Category>().Resource<PostCategory>());

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        _domain = PostgresDomain.Create(Model, pg => pg.Repo<BlogRepo>(DataSource));
        await _domain.Postgres().CreateSchemaAsync(ct);
        await using var command = DataSource.CreateCommand(Seed);
        await command.ExecuteNonQueryAsync(ct);
    }

    private const string Seed = """
        INSERT INTO authors (id, name, email, nickname) VALUES
          (1, 'Ada', 'Ada@Example.com', 'countess'), (2, 'Bob', 'bob@example.com', NULL), (3, 'Cy', 'cy@example.com', 'cy');
        INSERT INTO profiles (id, bio, author_id) VALUES (1, 'Mathematician', 1), (2, 'Builder', 2);
        INSERT INTO posts (id, title, score, rating, tags, metadata, published_at, secret, external_id, author_id) VALUES
          (1, 'Hello World', 10, 4.5, '{intro,greeting}', '{"lang":"en","stats":{"views":100}}', now() - interval '1 day', 's1', '00000000-0000-0000-0000-000000000001', 1),
          (2, '100% pure', 5, NULL, '{sale}', '{"lang":"fr","stats":{"views":5}}', now() - interval '10 days', NULL, NULL, 1),
          (3, 'under_score', 7, 3.0, '{}', NULL, NULL, NULL, NULL, 2),
          (4, 'back\slash', 1, 2.0, NULL, '{"lang":"en"}', now() - interval '40 days', NULL, NULL, 2),
          (5, 'Goodbye', 7, NULL, '{greeting,outro}', NULL, now() + interval '1 day', NULL, NULL, 3),
          (6, 'zeta', 3, 1.0, NULL, NULL, NULL, NULL, NULL, NULL);
        INSERT INTO comments (id, body, hidden, likes, post_id, author_id) VALUES
          (1, 'nice', false, 3, 1, 2), (2, 'spam', true, 0, 1, 3), (3, 'great', false, 5, 1, 1),
          (4, 'meh', false, 1, 2, 2), (5, 'hidden', true, 2, 3, 1);
        INSERT INTO categories (id, name) VALUES (1, 'tech'), (2, 'life');
        INSERT INTO post_categories (post_id, category_id) VALUES (1, 1), (1, 2), (2, 2), (3, 1);
        SELECT setval(pg_get_serial_sequence('posts', 'id'), 100);
        SELECT setval(pg_get_serial_sequence('comments', 'id'), 100);
        """;
}
