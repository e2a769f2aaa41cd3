using Npgsql;
using Xunit;

namespace Ashlar.Testing;

/// <summary>
/// A fresh, empty database of its own, created before the tests that share this fixture and dropped
/// after them. Use it as <c>IClassFixture&lt;DatabaseFixture&gt;</c> for a database per test class, or
/// subclass it to map types or create a schema once for the class.
/// </summary>
public class DatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;

    /// <summary>A superuser connection string for this fixture's database.</summary>
    public string ConnectionString => _connectionString ?? throw NotInitialized();

    /// <summary>A data source for this fixture's database, disposed with the fixture.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotInitialized();

    /// <summary>
    /// What the database's name is built from: by default the test class being run, else this type's name.
    /// </summary>
    protected virtual string DatabaseNameHint =>
        TestContext.Current.TestClass?.TestClassSimpleName ?? GetType().Name;

    /// <summary>Creates the database and the data source, then runs <see cref="InitializeDatabaseAsync"/>.</summary>
    /// <returns>A task that completes when the database is ready.</returns>
    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _connectionString = await PostgresServer.CreateDatabaseAsync(DatabaseNameHint, ct);
        var builder = new NpgsqlDataSourceBuilder(_connectionString);
        ConfigureDataSource(builder);
        _dataSource = builder.Build();
        await InitializeDatabaseAsync(ct);
    }

    /// <summary>Disposes the data source and drops the database (best effort).</summary>
    /// <returns>A task that completes when both are done.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            try
            {
                await PostgresServer.DropDatabaseAsync(_connectionString);
            }
            catch (NpgsqlException)
            {
                // The server is going away with the test run anyway.
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Override to configure the data source before it is built (type mappings, plugins, logging).</summary>
    /// <param name="builder">The builder for <see cref="DataSource"/>.</param>
    protected virtual void ConfigureDataSource(NpgsqlDataSourceBuilder builder)
    {
    }

    /// <summary>Override to create tables or seed rows once, after the database exists.</summary>
    /// <param name="ct">The test run's cancellation token.</param>
    /// <returns>A task that completes when the database is set up.</returns>
    protected virtual ValueTask InitializeDatabaseAsync(CancellationToken ct) => ValueTask.CompletedTask;

    private InvalidOperationException NotInitialized() =>
        new($"{GetType().Name} is not initialized yet: xunit calls InitializeAsync before the tests run.");
}
