
namespace Ashlar.DataLayer;

/// <summary>What a locking read does when a row is already locked.</summary>
public enum LockWait
{
    /// <summary>Wait for the lock.</summary>
    Wait,

    /// <summary>Fail at once with an <see cref="Errors.Unavailable"/> error (<c>NOWAIT</c>).</summary>
    NoWait,

    /// <summary>Leave locked rows out of the result (<c>SKIP LOCKED</c>).</summary>
    SkipLocked,
}
