namespace Ashlar.Resources;

/// <summary>The values Ashlar can generate for a default.</summary>
public enum GeneratedValue
{
    /// <summary>A random (version 4) UUID.</summary>
    UuidV4,

    /// <summary>A time-ordered (version 7) UUID.</summary>
    UuidV7,

    /// <summary>The current time, from the domain's <see cref="TimeProvider"/>.</summary>
    Now,
}
