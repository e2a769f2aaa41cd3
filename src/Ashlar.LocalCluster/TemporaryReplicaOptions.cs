namespace Ashlar.LocalCluster;

/// <summary>How to start a <see cref="TemporaryReplica"/>.</summary>
public sealed record TemporaryReplicaOptions
{
    /// <summary>
    /// How long the replica holds back applying each commit (<c>recovery_min_apply_delay</c>), to make replica lag
    /// visible in tests. Zero (the default) applies as soon as the WAL arrives. Change it later with
    /// <see cref="TemporaryReplica.SetApplyDelayAsync"/>.
    /// </summary>
    public TimeSpan ApplyDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Extra replica settings (<c>postgresql.conf</c> names and values), applied after the defaults.</summary>
    public IReadOnlyDictionary<string, string>? ServerSettings { get; init; }

    /// <summary>How long the base backup, the start and reaching the streaming state may take together. Defaults to 60 seconds.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
