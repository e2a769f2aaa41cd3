using Ashlar.Postgres.Multitenancy;
using Ashlar.Resources;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>A compiled statement: SQL text with positional parameters, and the attributes its rows carry. Immutable.</summary>
/// <param name="Text">The SQL text; values appear only as <c>$1</c>, <c>$2</c>….</param>
/// <param name="Parameters">The parameter values (already converted for Npgsql) and their types.</param>
/// <param name="Columns">The attributes of the returned rows, in column order.</param>
internal sealed record CompiledStatement(string Text, IReadOnlyList<StatementParameter> Parameters, IReadOnlyList<AttributeDefinition> Columns)
{
    /// <summary>The ordinal of the first attribute column; columns before it carry other values (a load's parent key).</summary>
    public int ColumnOffset { get; init; }

    /// <summary>Values computed by the query (aggregates), read after the attribute columns and set by name.</summary>
    public IReadOnlyList<(string Name, Ashlar.Types.AttributeType Type)> Computed { get; init; } = [];

    /// <summary>What the statement needs set for its tenant before it runs (part of its shape).</summary>
    public TenantUse Tenancy { get; init; }

    /// <summary>The tenant the statement runs for, when <see cref="Tenancy"/> needs one.</summary>
    public string? Tenant { get; init; }

    /// <summary>
    /// The text sent to the server: <see cref="Text"/> (the same for every tenant, as cached) with the tenant's quoted
    /// schema in place of <see cref="TenantTables.Schema"/>. Built on each call; read it once per execution.
    /// </summary>
    public string Sql => (Tenancy & TenantUse.Schema) != 0 && Tenant is not null ? TenantTables.Bind(Text, Tenant) : Text;

    /// <summary>The types of the sort values read after the computed values, for keyset cursors (empty when not asked for).</summary>
    public IReadOnlyList<Ashlar.Types.AttributeType> SortValues { get; init; } = [];
}
