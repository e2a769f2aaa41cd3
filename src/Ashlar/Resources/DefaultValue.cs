namespace Ashlar.Resources;

/// <summary>How an attribute gets a value when a create does not supply one.</summary>
public abstract record DefaultValue
{
    private protected DefaultValue()
    {
    }

    /// <summary>A fixed value.</summary>
    public static DefaultValue Literal(object value) => new LiteralDefault(value);

    /// <summary>A random (version 4) UUID.</summary>
    public static DefaultValue UuidV4 { get; } = new GeneratedDefault(GeneratedValue.UuidV4);

    /// <summary>A time-ordered (version 7) UUID.</summary>
    public static DefaultValue UuidV7 { get; } = new GeneratedDefault(GeneratedValue.UuidV7);

    /// <summary>The current time.</summary>
    public static DefaultValue Now { get; } = new GeneratedDefault(GeneratedValue.Now);
}
