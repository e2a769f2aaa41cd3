using System.Linq.Expressions;
using Ashlar.Domains;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Queries;
using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.DataLayer;

/// <summary>Shortcuts for creating a <see cref="Domain"/> stored in PostgreSQL.</summary>
public static class PostgresDomain
{
    /// <summary>Creates a domain over <paramref name="model"/> with a Postgres data layer.</summary>
    public static Domain Create(DomainModel model, Action<PostgresDataLayerBuilder> configure, ILoggerFactory? loggerFactory = null) =>
        new(model, PostgresDataLayer.Create(model, configure, loggerFactory), loggerFactory);

    /// <summary>The domain's Postgres data layer.</summary>
    /// <exception cref="InvalidOperationException">The domain is stored elsewhere.</exception>
    public static PostgresDataLayer Postgres(this Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return domain.DataLayer as PostgresDataLayer
            ?? throw new InvalidOperationException($"The domain {domain.Model.Name} is not stored in PostgreSQL.");
    }

    /// <summary>The SQL the query compiles to (values appear as <c>$1</c>, <c>$2</c>…), for logs, tests and review.</summary>
    public static string ToSql<T>(this Domain domain, Query<T> query, string? tenant = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(query);
        var plan = domain.PlanRead(query, tenant);
        return domain.DataLayer is PostgresDataLayer postgres ? postgres.SqlCache.Read(plan).Sql : ReadCompiler.Compile(domain.Model, plan).Sql;
    }

    /// <summary>The SQL of <c>domain.AggregateAsync(query, aggregate)</c> (values appear as <c>$1</c>, <c>$2</c>…).</summary>
    public static string ToSql<T, TValue>(this Domain domain, Query<T> query, Expression<Func<Aggregations<T>, TValue>> aggregate, string? tenant = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(aggregate);
        return AggregateQueryCompiler.Compile(domain.Model, domain.PlanAggregate(query, aggregate, null, tenant)).Sql;
    }

    /// <summary>The SQL of <c>domain.AggregateByAsync(query, groupBy, aggregate)</c> (values appear as <c>$1</c>, <c>$2</c>…).</summary>
    public static string ToSql<T, TKey, TValue>(this Domain domain, Query<T> query, Expression<Func<T, TKey>> groupBy,
        Expression<Func<Aggregations<T>, TValue>> aggregate, string? tenant = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(groupBy);
        ArgumentNullException.ThrowIfNull(aggregate);
        return AggregateQueryCompiler.Compile(domain.Model, domain.PlanAggregate(query, aggregate, groupBy, tenant)).Sql;
    }
}
