namespace Ashlar.Postgres.DataLayer;

/// <summary>Compares <c>bytea</c> keys by content, as the database does.</summary>
internal sealed class BinaryKeyComparer : IEqualityComparer<byte[]>
{
    public static readonly BinaryKeyComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = default(HashCode);
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
