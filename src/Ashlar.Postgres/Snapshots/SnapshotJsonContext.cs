using System.Text.Json.Serialization;

namespace Ashlar.Postgres.Snapshots;

/// <summary>
/// Compile-time JSON metadata for the snapshot files, so that the first snapshot a process reads or writes does not
/// build its converters by reflection. Names, enum words and indentation still come from <see cref="SnapshotJson"/>'s
/// options.
/// </summary>
[JsonSerializable(typeof(TableSnapshot))]
[JsonSerializable(typeof(RepoSnapshot))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
