using Ashlar.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ashlar.AspNetCore.Tests;

/// <summary>
/// A database of its own and the help desk web app over it (its real <c>Program</c>, migrations included), reached
/// through an in-memory <see cref="HttpClient"/>. On a server older than the help desk's <c>NULLS NOT DISTINCT</c>
/// identities need, the app is not started and every test that asks for <see cref="Client"/> is skipped.
/// </summary>
public sealed class HelpDeskWebFixture : DatabaseFixture, IAsyncDisposable
{
    private WebApplicationFactory<Program>? _factory;
    private HttpClient? _client;
    private string? _serverTooOld;

    public HttpClient Client
    {
        get
        {
            ServerVersion.SkipIf(_serverTooOld);
            return _client ?? throw new InvalidOperationException("Not initialised.");
        }
    }

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Not initialised.");

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        _serverTooOld = ServerVersion.Lacking(await ServerVersion.OfAsync(DataSource, ct),
            15, "NULLS NOT DISTINCT, for the help desk's identities");
        if (_serverTooOld is not null)
        {
            return;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .UseSetting("ConnectionStrings:HelpDesk", ConnectionString));
        _client = _factory.CreateClient();
    }

    public new async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
