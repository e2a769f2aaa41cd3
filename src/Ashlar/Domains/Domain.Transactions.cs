namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>
    /// Runs <paramref name="work"/> in a database transaction: commits when it returns, rolls back when it throws
    /// (and rethrows). Reads, writes and locks inside it share one connection; a nested call joins the outer transaction.
    /// </summary>
    public Task<TResult> TransactionAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync(work, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in a database transaction; see <see cref="TransactionAsync{TResult}"/>.</summary>
    public Task TransactionAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync<bool>(async ct =>
        {
            await work(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
