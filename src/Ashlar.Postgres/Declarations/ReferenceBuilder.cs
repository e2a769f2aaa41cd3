namespace Ashlar.Postgres.Declarations;

/// <summary>Declares a foreign key's options.</summary>
public sealed class ReferenceBuilder
{
    internal ReferenceBuilder(ReferenceOptions options)
    {
        Options = options;
    }

    internal ReferenceOptions Options { get; private set; }

    /// <summary>What happens when the referenced row is deleted. No resource logic runs for the affected rows.</summary>
    public ReferenceBuilder OnDelete(OnDelete onDelete)
    {
        Options = Options with { OnDelete = onDelete };
        return this;
    }

    /// <summary>On delete, set only these columns to NULL (<c>SET NULL (cols)</c>, PostgreSQL 15+).</summary>
    public ReferenceBuilder NilifyColumns(params string[] columns)
    {
        Options = Options with { OnDelete = Declarations.OnDelete.Nilify, NilifyColumns = columns };
        return this;
    }

    /// <summary>What happens when the referenced key changes. No resource logic runs for the affected rows.</summary>
    public ReferenceBuilder OnUpdate(OnUpdate onUpdate)
    {
        Options = Options with { OnUpdate = onUpdate };
        return this;
    }

    /// <summary>The constraint's name.</summary>
    public ReferenceBuilder Name(string name)
    {
        Options = Options with { Name = name };
        return this;
    }

    /// <summary>When the constraint is checked.</summary>
    public ReferenceBuilder Deferrable(Deferrable deferrable)
    {
        Options = Options with { Deferrable = deferrable };
        return this;
    }

    /// <summary>Creates an index on the key column(s), optionally partial.</summary>
    public ReferenceBuilder Index(string? where = null)
    {
        Options = Options with { Index = true, IndexWhere = where };
        return this;
    }

    /// <summary>Creates no foreign key for this relationship.</summary>
    public ReferenceBuilder Ignore()
    {
        Options = Options with { Ignore = true };
        return this;
    }

    /// <summary>Adds a column pair to make a composite key, e.g. the tenant column on both sides.</summary>
    public ReferenceBuilder MatchWith(string sourceColumn, string destinationColumn)
    {
        Options = Options with { MatchWith = [.. Options.MatchWith, new(sourceColumn, destinationColumn)] };
        return this;
    }

    /// <summary>How a composite key treats NULLs.</summary>
    public ReferenceBuilder Match(ReferenceMatchType matchType)
    {
        Options = Options with { MatchType = matchType };
        return this;
    }
}
