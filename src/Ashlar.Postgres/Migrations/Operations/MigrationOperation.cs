namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>
/// One step of a generated migration: its up SQL, its down SQL (or why there is none), the lock it takes and its
/// hazards. Review warnings in a migration's header come from <see cref="Hazards"/>. Immutable.
/// </summary>
public abstract record MigrationOperation
{
    private protected MigrationOperation()
    {
    }

    /// <summary>What the step does, for people, e.g. <c>create table public.tickets</c>.</summary>
    public abstract string Description { get; }

    /// <summary>The statements that apply the step, in order.</summary>
    public abstract IReadOnlyList<string> Up { get; }

    /// <summary>The statements that undo the step, in order; empty when <see cref="IrreversibleReason"/> is set.</summary>
    public abstract IReadOnlyList<string> Down { get; }

    /// <summary>Why the step cannot be undone, or null when <see cref="Down"/> undoes it.</summary>
    public virtual string? IrreversibleReason => null;

    /// <summary>The strongest lock the step takes on an existing table.</summary>
    public abstract LockLevel Lock { get; }

    /// <summary>What can go wrong or hurt when the step runs.</summary>
    public virtual IReadOnlyList<OperationHazard> Hazards => [];

    /// <summary>True when the step must run outside a transaction (<c>CONCURRENTLY</c>).</summary>
    public bool Concurrent => Hazards.Any(h => h.Kind == HazardKind.NonTransactional);

    /// <summary>Facts that hold once the step ran (see <see cref="Facts"/>); the orderer sorts by them.</summary>
    internal abstract IEnumerable<string> Provides { get; }

    /// <summary>Facts that must hold before the step runs; a fact no step of the batch provides holds already.</summary>
    internal abstract IEnumerable<string> Requires { get; }

    /// <inheritdoc />
    public sealed override string ToString() => Description;
}
