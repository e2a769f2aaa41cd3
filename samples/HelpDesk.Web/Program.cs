using System.Text.Json;
using System.Text.Json.Serialization;
using Ashlar.AspNetCore;
using Ashlar.Domains;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Migrations.Running;
using HelpDesk;
using HelpDesk.Resources;
using HelpDesk.Web;

// The help desk over HTTP: list (?filter= JSON, ?sort=), get, create, update and destroy for its resources (an
// organization's tickets and comments under /organizations/{id}/, in its own schema), Ashlar's
// errors as problem details, a health check at /health. The connection string is ConnectionStrings:HelpDesk
// (appsettings.json or ConnectionStrings__HelpDesk); without one, a throwaway PostgreSQL is started and removed at exit.
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("HelpDesk");
TemporaryCluster? cluster = null;
if (string.IsNullOrWhiteSpace(connectionString))
{
    cluster = await TemporaryCluster.StartAsync();
    connectionString = await cluster.CreateDatabaseAsync("helpdesk_web");
    Console.WriteLine($"Started a throwaway PostgreSQL {cluster.Version} on port {cluster.Port} (set ConnectionStrings__HelpDesk to use your own).");
}

var migrationsOfRepo = MigrationDirectory.ForRepo(SamplePaths.MigrationsDirectory, new HelpDeskRepo().Name);
builder.Services.AddAshlarPostgres<HelpDeskRepo>(connectionString, HelpDeskDomain.Build(), pg =>
{
    // A new organization's schema is created and brought to the newest tenant migration with the organization.
    pg.TenantMigrations<HelpDeskRepo>(Path.Combine(migrationsOfRepo, "tenants"));
    if (builder.Environment.IsDevelopment())
    {
        pg.EnableParameterLogging();
    }
});
builder.Services.AddAshlarProblemDetails();
builder.Services.AddHealthChecks().AddAshlar();
builder.Services.ConfigureHttpJsonOptions(json =>
{
    // The names filters and inputs use: the attributes' snake_case names.
    json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    json.SerializerOptions.DictionaryKeyPolicy = null;
    json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
});

var app = builder.Build();
if (cluster is not null)
{
    app.Lifetime.ApplicationStopped.Register(() => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

app.UseExceptionHandler();

// Brings the database up to date with the help desk's migrations before the first request.
var helpdesk = app.Services.GetRequiredService<Domain>();
var migrations = await MigrationDirectory.LoadAsync(migrationsOfRepo);
await new MigrationRunner().MigrateAsync(helpdesk.Postgres().DataSource(typeof(HelpDeskRepo)), migrations);

app.MapHealthChecks("/health");
app.MapResource<Organization, Guid>("/organizations");
app.MapResource<User, Guid>("/users");
app.MapResource<Tag, Guid>("/tags");

// Each organization's tickets and comments live in the organization's schema: their routes name the organization.
app.MapResource<Ticket, long>("/organizations/{organization:guid}/tickets", TenantOf);
app.MapResource<Comment, Guid>("/organizations/{organization:guid}/comments", TenantOf);

await app.RunAsync();

static string TenantOf(HttpRequest request) => Organization.TenantOf(Guid.Parse((string)request.RouteValues["organization"]!));

/// <summary>The web app's entry point, visible to its HTTP tests.</summary>
public partial class Program;
