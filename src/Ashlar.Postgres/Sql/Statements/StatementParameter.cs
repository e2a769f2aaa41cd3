using NpgsqlTypes;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>One positional parameter.</summary>
internal readonly record struct StatementParameter(object Value, NpgsqlDbType Type);
