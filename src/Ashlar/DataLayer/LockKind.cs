
namespace Ashlar.DataLayer;

/// <summary>The row lock a read takes (PostgreSQL's locking clauses).</summary>
public enum LockKind
{
    /// <summary><c>FOR UPDATE</c>: blocks every other lock and write on the rows.</summary>
    ForUpdate,

    /// <summary><c>FOR NO KEY UPDATE</c>: like FOR UPDATE but lets foreign keys still check the rows.</summary>
    ForNoKeyUpdate,

    /// <summary><c>FOR SHARE</c>: blocks writes but not other share locks.</summary>
    ForShare,

    /// <summary><c>FOR KEY SHARE</c>: blocks only deletes and key changes.</summary>
    ForKeyShare,
}
