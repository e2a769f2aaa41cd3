namespace Ashlar.LocalCluster;

/// <summary>How <see cref="TemporaryCluster.StopServerAsync"/> stops the server (<c>pg_ctl stop -m …</c>).</summary>
public enum ServerStopMode
{
    /// <summary>Ends every session (clients see SQLSTATE 57P01) and shuts down cleanly.</summary>
    Fast,

    /// <summary>Kills the server processes at once, as a crash would; the next start runs crash recovery.</summary>
    Immediate,
}
