using Ashlar.Docs.Tests.Models.Library;
using Ashlar.Resources;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.Docs.Tests.Pages;

public abstract class MigrationsPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected ILogger logger = null!;
    protected NpgsqlDataSource dataSource = null!;
}

public abstract class MigrationsPage : MigrationsPage<Book>;
