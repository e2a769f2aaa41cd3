using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Queries.Blog;
using Ashlar.Queries;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Queries;

public sealed class LockAndTransactionTests(BlogFixture db) : IClassFixture<BlogFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CountTitled(string title)
    {
        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM posts WHERE title = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = title });
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct));
    }

    /// <summary>A second connection that holds FOR NO KEY UPDATE on post 1 until disposed.</summary>
    private async Task<NpgsqlConnection> LockPostOneElsewhere()
    {
        var connection = await db.DataSource.OpenConnectionAsync(Ct);
        await using var command = new NpgsqlCommand("BEGIN; SELECT id FROM posts WHERE id = 1 FOR NO KEY UPDATE", connection);
        await command.ExecuteNonQueryAsync(Ct);
        return connection;
    }

    [Fact]
    public void Lock_clauses_name_the_table_and_the_wait_policy()
    {
        Assert.EndsWith("LIMIT $1 FOR UPDATE OF \"t0\" NOWAIT", db.Domain.ToSql(Query.For<Post>().Limit(1).Lock(LockKind.ForUpdate, LockWait.NoWait)), StringComparison.Ordinal);
        Assert.EndsWith("FOR NO KEY UPDATE OF \"t0\" SKIP LOCKED", db.Domain.ToSql(Query.For<Post>().Lock(LockKind.ForNoKeyUpdate, LockWait.SkipLocked)), StringComparison.Ordinal);
        Assert.EndsWith("FOR SHARE OF \"t0\"", db.Domain.ToSql(Query.For<Post>().Lock(LockKind.ForShare)), StringComparison.Ordinal);
        Assert.EndsWith("FOR KEY SHARE OF \"t0\"", db.Domain.ToSql(Query.For<Post>().Lock(LockKind.ForKeyShare)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_locked_by_another_connection_is_unavailable_with_nowait_and_skipped_with_skip_locked()
    {
        await using var other = await LockPostOneElsewhere();

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.TransactionAsync(ct =>
            db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Id <= 2).Lock(LockKind.ForUpdate, LockWait.NoWait), cancellationToken: ct), Ct));
        Assert.IsType<Unavailable>(Assert.Single(error.Errors));

        var unlocked = await db.Domain.TransactionAsync(ct =>
            db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Id <= 2).Sort(p => p.Id).Lock(LockKind.ForUpdate, LockWait.SkipLocked), cancellationToken: ct), Ct);
        Assert.Equal([2L], unlocked.Select(p => p.Id));

        var shared = await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Id == 1).Lock(LockKind.ForKeyShare, LockWait.NoWait), cancellationToken: Ct);
        Assert.Single(shared);
    }

    [Fact]
    public async Task A_lock_taken_in_a_transaction_is_held_until_it_ends()
    {
        await db.Domain.TransactionAsync(async ct =>
        {
            await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Id == 3).Lock(), cancellationToken: ct);

            await using var other = await db.DataSource.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand("SELECT id FROM posts WHERE id = 3 FOR UPDATE NOWAIT", other);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(ct));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, refused.SqlState);
        }, Ct);

        await using var after = db.DataSource.CreateCommand("SELECT id FROM posts WHERE id = 3 FOR UPDATE NOWAIT");
        Assert.Equal(3L, await after.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task A_transaction_commits_when_the_work_returns_and_rolls_back_when_it_throws()
    {
        var created = await db.Domain.TransactionAsync(ct => db.Domain.CreateAsync<Post>(new { title = "committed", score = 1 }, cancellationToken: ct), Ct);
        Assert.Equal(1, await CountTitled("committed"));
        Assert.True(created.Id > 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Domain.TransactionAsync(async ct =>
        {
            await db.Domain.CreateAsync<Post>(new { title = "rolled back", score = 1 }, cancellationToken: ct);
            Assert.Single(await db.Domain.ReadAsync(Query.For<Post>().Filter(p => p.Title == "rolled back"), cancellationToken: ct));
            Assert.Equal(0, await CountTitled("rolled back"));
            throw new InvalidOperationException("boom");
        }, Ct));
        Assert.Equal(0, await CountTitled("rolled back"));
    }

    [Fact]
    public async Task A_nested_transaction_joins_the_outer_one()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Domain.TransactionAsync(async ct =>
        {
            await db.Domain.TransactionAsync(inner => db.Domain.CreateAsync<Post>(new { title = "nested", score = 1 }, cancellationToken: inner), ct);
            Assert.Equal(0, await CountTitled("nested"));
            throw new InvalidOperationException("outer fails");
        }, Ct));

        Assert.Equal(0, await CountTitled("nested"));
    }
}
