namespace Ashlar.Postgres.Repos;

/// <summary>The kind of work a statement does, which decides the repo it runs on (see <c>pg.ReadRepo&lt;TRepo&gt;()</c>).</summary>
public enum RepoKind
{
    /// <summary>A plain read outside a transaction: it goes to the resource's read repo (a replica), when one is declared.</summary>
    Read,

    /// <summary>Writes, reads that lock rows, everything inside a transaction, and migrations: always the resource's repo.</summary>
    Mutate,
}
