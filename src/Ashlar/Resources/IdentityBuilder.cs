namespace Ashlar.Resources;

/// <summary>Declares the options of an identity.</summary>
public sealed class IdentityBuilder
{
    internal IdentityBuilder(IdentityDefinition definition)
    {
        Definition = definition;
    }

    internal IdentityDefinition Definition { get; private set; }

    /// <summary>Only rows matching this SQL predicate must be unique (a partial unique index).</summary>
    public IdentityBuilder Where(string sql)
    {
        Definition = Definition with { WhereSql = sql };
        return this;
    }

    /// <summary>Whether two nils count as different values (the default) or as equal (PostgreSQL 15+).</summary>
    public IdentityBuilder NilsDistinct(bool distinct)
    {
        Definition = Definition with { NilsDistinct = distinct };
        return this;
    }

    /// <summary>The message a caller sees when a write breaks the identity. Defaults to "has already been taken".</summary>
    public IdentityBuilder Message(string message)
    {
        Definition = Definition with { Message = message };
        return this;
    }
}
