using Ashlar.Expressions;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>now, today, ago, from now, date add and truncation. Units come from <see cref="TimeUnit"/>, never from input text.</summary>
internal static class DateSql
{
    public static void Write(ExprWriter writer, CallExpr call)
    {
        var sql = writer.Sql;
        switch (call.Function)
        {
            case ExprFunction.Now:
                sql.Append("now()");
                break;
            case ExprFunction.Today:
                sql.Append("CURRENT_DATE");
                break;
            case ExprFunction.Ago or ExprFunction.FromNow:
                sql.Append(call.Function == ExprFunction.Ago ? "(now() - (" : "(now() + (");
                writer.Write(call.Arguments[0]);
                sql.Append(" * ").Append(Interval(call.Unit)).Append("))");
                break;
            case ExprFunction.DateAdd:
                sql.Append('(');
                writer.Write(call.Arguments[0]);
                sql.Append(" + (");
                writer.Write(call.Arguments[1]);
                sql.Append(" * ").Append(Interval(call.Unit)).Append("))");
                break;
            default:
                sql.Append("date_trunc('").Append(UnitName(call.Unit)).Append("', ");
                writer.Write(call.Arguments[0]);
                sql.Append(')');
                break;
        }
    }

    private static string Interval(TimeUnit? unit) => "interval '1 " + UnitName(unit) + "'";

    private static string UnitName(TimeUnit? unit) => unit switch
    {
        TimeUnit.Second => "second",
        TimeUnit.Minute => "minute",
        TimeUnit.Hour => "hour",
        TimeUnit.Day => "day",
        TimeUnit.Week => "week",
        TimeUnit.Month => "month",
        TimeUnit.Year => "year",
        _ => throw ExprWriter.Unsupported($"the time unit {unit}"),
    };
}
