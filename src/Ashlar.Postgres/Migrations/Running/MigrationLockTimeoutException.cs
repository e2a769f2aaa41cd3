namespace Ashlar.Postgres.Migrations.Running;

/// <summary>Another deployer held the migration lock for longer than <see cref="MigrationRunnerOptions.LockTimeout"/>.</summary>
public sealed class MigrationLockTimeoutException : MigrationException
{
    /// <summary>Creates the error naming the session that holds the lock.</summary>
    public MigrationLockTimeoutException(TimeSpan waited, int? holderPid, string? holderApplication)
        : base(Describe(waited, holderPid, holderApplication))
    {
        Waited = waited;
        HolderPid = holderPid;
        HolderApplication = holderApplication;
    }

    /// <summary>How long the runner waited.</summary>
    public TimeSpan Waited { get; }

    /// <summary>The backend pid of the session holding the lock, when it could be seen.</summary>
    public int? HolderPid { get; }

    /// <summary>The <c>application_name</c> of the session holding the lock, when it could be seen.</summary>
    public string? HolderApplication { get; }

    private static string Describe(TimeSpan waited, int? pid, string? application) =>
        $"Another deployer holds the migration lock (pid {(pid is null ? "unknown" : pid.ToString())}" +
        $"{(string.IsNullOrEmpty(application) ? "" : $", application '{application}'")}); gave up after waiting {waited.TotalSeconds:0.0} s. " +
        "Wait for it to finish and run migrate again, or raise the lock timeout. The lock is a session advisory lock: " +
        $"it is released when that session ends (pg_terminate_backend({(pid is null ? "pid" : pid.ToString())}) ends it).";
}
