namespace Ashlar.Postgres.Schema;

/// <summary>One check constraint. Immutable.</summary>
/// <param name="Name">The constraint's name.</param>
/// <param name="Check">The SQL boolean expression.</param>
public sealed record CheckModel(string Name, string Check);
