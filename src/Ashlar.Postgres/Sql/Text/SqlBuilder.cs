using System.Text;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Caching;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Types;
using Ashlar.Types;
using NpgsqlTypes;

namespace Ashlar.Postgres.Sql.Text;

/// <summary>Accumulates SQL text and positional parameters. Values never enter the text.</summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _text = new(256);
    private readonly List<StatementParameter> _parameters = [];
    private readonly List<ParameterSlot> _slots = [];
    private Dictionary<object, (int Number, AttributeType? Type)>? _bySource;

    public IReadOnlyList<StatementParameter> Parameters => _parameters;

    /// <summary>Where each parameter's value came from, for rebinding cached text to another query's values.</summary>
    public IReadOnlyList<ParameterSlot> Slots => _slots;

    /// <summary>False once a parameter was added whose value cannot be traced back to the query (see <see cref="ParameterSlot"/>).</summary>
    public bool Rebindable { get; private set; } = true;

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

    /// <summary>Adds a parameter typed for <paramref name="type"/> and writes its placeholder; its value is untraced.</summary>
    public SqlBuilder Parameter(object? value, AttributeType? type)
    {
        Rebindable = false;
        return Add(value, type, null, null);
    }

    /// <summary>Adds a parameter already converted for Npgsql (a bulk write's column of values) and writes its placeholder.</summary>
    public SqlBuilder Parameter(StatementParameter parameter)
    {
        Rebindable = false;
        _parameters.Add(parameter);
        _slots.Add(new ParameterSlot(null, null, null));
        return Placeholder(_parameters.Count, null);
    }

    /// <summary>Takes over another statement's parameters ($1…$n), whose text is appended later as a subquery.</summary>
    public SqlBuilder Adopt(IReadOnlyList<StatementParameter> parameters)
    {
        Rebindable = false;
        foreach (var parameter in parameters)
        {
            _parameters.Add(parameter);
            _slots.Add(new ParameterSlot(null, null, null));
        }

        return this;
    }

    /// <summary>Adds a parameter for a declared constant (an aggregate's default): the same for every query of a shape.</summary>
    public SqlBuilder Constant(object? value, AttributeType? type) => Add(value, type, null, null);

    /// <summary>Adds a parameter whose value is <paramref name="rebind"/> applied to the query node <paramref name="source"/>.</summary>
    /// <remarks>
    /// With <paramref name="share"/>, a node already sent with the same type reuses its placeholder, so an expression
    /// written twice in one statement (a filter repeated in a subquery) sends its values once.
    /// </remarks>
    public SqlBuilder Parameter(Expr source, AttributeType? type, Func<Expr, object?> rebind, bool share = true)
    {
        if (!share)
        {
            return Add(rebind(source), type, source, rebind);
        }

        if (_bySource is not null && _bySource.TryGetValue(source, out var sent) && Equals(sent.Type, type))
        {
            return Placeholder(sent.Number, type);
        }

        Add(rebind(source), type, source, rebind);
        (_bySource ??= new(ReferenceEqualityComparer.Instance))[source] = (_parameters.Count, type);
        return this;
    }

    /// <summary>The parameter for <paramref name="value"/> as sent to Npgsql.</summary>
    public static StatementParameter Convert(object? value, AttributeType? type) => type is null
        ? new StatementParameter(value ?? DBNull.Value, NpgsqlDbType.Unknown)
        : new StatementParameter(ValueConverter.ToDatabase(type, value), PgTypeMap.ParameterType(type));

    private SqlBuilder Add(object? value, AttributeType? type, Expr? source, Func<Expr, object?>? rebind)
    {
        _parameters.Add(Convert(value, type));
        _slots.Add(new ParameterSlot(source, type, rebind));
        return Placeholder(_parameters.Count, type);
    }

    private SqlBuilder Placeholder(int number, AttributeType? type)
    {
        Append('$').Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return type is not null && PgTypeMap.ParameterCast(type) is { } cast ? Append(cast) : this;
    }

    public override string ToString() => _text.ToString();
}
