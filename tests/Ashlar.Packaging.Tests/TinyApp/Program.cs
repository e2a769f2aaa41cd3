using Ashlar.Cli;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Repos;
using Ashlar.Resources;
using Ashlar.Testing;

// A user's application built against the Ashlar packages only: its CLI, its data layer, and the test helper.
var model = DomainModel.Build("tiny", d => d.Resource<Book>());
var connectionString = Environment.GetEnvironmentVariable("TINY_DATABASE");
if (args is ["make-database"])
{
    Console.WriteLine(await PostgresServer.CreateDatabaseAsync("tiny_app"));
    return 0;
}

if (args.Length > 0)
{
    return await AshlarCli.RunAsync(args, model, new CliOptions { ConnectionString = connectionString, ConnectionStringSource = "TINY_DATABASE" });
}

await using var tiny = PostgresDomain.Create(model, pg => pg.Repo<TinyRepo>(connectionString!));
var book = await tiny.CreateAsync<Book>(new { title = "Dune" });
Console.WriteLine($"created book {book.Id}: {book.Title}");
return 0;

public sealed class TinyRepo : PostgresRepo;

public sealed class Book : IResource<Book>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public static void Define(ResourceBuilder<Book> r)
    {
        r.IntegerPrimaryKey(b => b.Id);
        r.Attribute(b => b.Title, a => a.MaxLength(200));
        r.DefaultActions();
        r.Postgres(pg => pg.Table("books").Repo<TinyRepo>());
    }
}
