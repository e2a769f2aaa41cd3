using System.Reflection;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>One attribute of a resource, as validated when the domain is built. Immutable.</summary>
public sealed record AttributeDefinition
{
    /// <summary>The snake_case name: the column name and the name used in input, filters and errors.</summary>
    public required string Name { get; init; }

    /// <summary>The property on the resource class that holds the value.</summary>
    public required PropertyInfo Property { get; init; }

    /// <summary>The attribute's type.</summary>
    public required AttributeType Type { get; init; }

    /// <summary>True when the attribute may be nil.</summary>
    public bool AllowNil { get; init; } = true;

    /// <summary>True when the attribute is part of the primary key.</summary>
    public bool PrimaryKey { get; init; }

    /// <summary>True when callers may see, filter and sort by it through untrusted input.</summary>
    public bool Public { get; init; } = true;

    /// <summary>True when actions may accept it as input.</summary>
    public bool Writable { get; init; } = true;

    /// <summary>The value used on create when none is given.</summary>
    public DefaultValue? Default { get; init; }

    /// <summary>The value set on every update (an update timestamp).</summary>
    public DefaultValue? UpdateDefault { get; init; }

    /// <summary>True when the database assigns the value (an identity column).</summary>
    public bool Identity { get; init; }

    /// <summary>SQL for a column the database computes from other columns; such attributes are read-only.</summary>
    public string? GeneratedSql { get; init; }

    /// <summary>Largest accepted string length.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Smallest accepted string length.</summary>
    public int? MinLength { get; init; }

    /// <summary>Smallest accepted number.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest accepted number.</summary>
    public decimal? Max { get; init; }

    /// <summary>Names this attribute had before, so migrations rename the column instead of dropping it.</summary>
    public IReadOnlyList<string> RenamedFrom { get; init; } = [];

    /// <summary>True when the attribute is the source attribute of a belongs-to relationship.</summary>
    public bool IsForeignKey { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Type})";
}
