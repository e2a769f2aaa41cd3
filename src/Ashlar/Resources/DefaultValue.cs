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

    /// <summary>
    /// The value this default gives an attribute of <paramref name="clrType"/> now: the one place a changeset and a
    /// bulk row both take a default from, so the two can never differ.
    /// </summary>
    internal object? Produce(Type clrType, TimeProvider time) => this switch
    {
        LiteralDefault literal => literal.Value,
        GeneratedDefault { Kind: GeneratedValue.UuidV4 } => Guid.NewGuid(),
        GeneratedDefault { Kind: GeneratedValue.UuidV7 } => Guid.CreateVersion7(time.GetUtcNow()),
        GeneratedDefault { Kind: GeneratedValue.Now } => CurrentTime(clrType, time),
        _ => throw new InvalidOperationException($"Unknown default {this}."),
    };

    private static object CurrentTime(Type clrType, TimeProvider time)
    {
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds.
        return clrType == typeof(DateTime) ? now.UtcDateTime : now;
    }
}
