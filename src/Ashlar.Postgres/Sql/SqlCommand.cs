using Ashlar.Resources;
using NpgsqlTypes;

namespace Ashlar.Postgres.Sql;

/// <summary>A compiled statement: SQL text with positional parameters, and the attributes its rows carry. Immutable.</summary>
/// <param name="Text">The SQL text; values appear only as <c>$1</c>, <c>$2</c>….</param>
/// <param name="Parameters">The parameter values (already converted for Npgsql) and their types.</param>
/// <param name="Columns">The attributes of the returned rows, in column order.</param>
internal sealed record SqlCommand(string Text, IReadOnlyList<SqlParameter> Parameters, IReadOnlyList<AttributeDefinition> Columns);

/// <summary>One positional parameter.</summary>
internal readonly record struct SqlParameter(object Value, NpgsqlDbType Type);
