using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Pages;

/// <summary>
/// What every page's blocks have in scope: <c>r</c> and <c>pg</c> as inside <c>TResource.Define</c> (a block says
/// which resource with <c>define=Name</c>), a cancellation token and the program's arguments. Compiled, never run.
/// </summary>
public abstract class Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected ResourceBuilder<TResource> r = null!;
    protected PostgresBuilder<TResource> pg = null!;
    protected CancellationToken ct;
    protected CancellationToken cancellationToken;
    protected string[] args = [];
}
