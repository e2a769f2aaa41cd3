namespace Ashlar.Resources;

/// <summary>
/// The actions a hook or change may run from inside another action (the domain implements it). Called from a hook
/// of an action that runs in a transaction, they join that transaction.
/// </summary>
public interface IActionRunner
{
    /// <summary>Creates a record through a create action (the primary one when <paramref name="action"/> is null).</summary>
    Task<TRecord> CreateAsync<TRecord>(object? input, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where TRecord : class;

    /// <summary>Updates a record through an update action.</summary>
    Task<TRecord> UpdateAsync<TRecord>(TRecord record, object? input, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where TRecord : class;

    /// <summary>Destroys a record through a destroy action.</summary>
    Task DestroyAsync<TRecord>(TRecord record, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where TRecord : class;

    /// <summary>Reads the record with this primary key, or null.</summary>
    Task<TRecord?> FindAsync<TRecord>(object key, string? tenant = null, CancellationToken cancellationToken = default)
        where TRecord : class;
}
