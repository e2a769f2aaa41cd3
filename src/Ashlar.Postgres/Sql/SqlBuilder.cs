using System.Text;
using Ashlar.Postgres.Types;
using Ashlar.Types;
using NpgsqlTypes;

namespace Ashlar.Postgres.Sql;

/// <summary>Accumulates SQL text and positional parameters. Values never enter the text.</summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _text = new(256);
    private readonly List<SqlParameter> _parameters = [];

    public IReadOnlyList<SqlParameter> Parameters => _parameters;

    public SqlBuilder Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    public SqlBuilder Append(char sql)
    {
        _text.Append(sql);
        return this;
    }

    public SqlBuilder Identifier(string name) => Append(SqlIdentifier.Quote(name));

    public SqlBuilder Column(string alias, string column) =>
        Append(SqlIdentifier.Quote(alias)).Append('.').Append(SqlIdentifier.Quote(column));

    /// <summary>Adds a parameter typed for <paramref name="type"/> and writes its placeholder.</summary>
    public SqlBuilder Parameter(object? value, AttributeType? type)
    {
        if (type is null)
        {
            _parameters.Add(new SqlParameter(value ?? DBNull.Value, NpgsqlDbType.Unknown));
        }
        else
        {
            _parameters.Add(new SqlParameter(ValueConverter.ToDatabase(type, value), PgTypeMap.ParameterType(type)));
        }

        Append('$').Append(_parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return type is not null && PgTypeMap.ParameterCast(type) is { } cast ? Append(cast) : this;
    }

    public override string ToString() => _text.ToString();
}
