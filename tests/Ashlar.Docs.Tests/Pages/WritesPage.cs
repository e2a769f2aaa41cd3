using Ashlar.Docs.Tests.Models.Scores;
using Ashlar.Domains;
using Ashlar.Resources;
using HelpDesk.Resources;

namespace Ashlar.Docs.Tests.Pages;

public abstract class WritesPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected Domain domain = null!;
    protected IEnumerable<object?> inputs = [];
    protected Ashlar.Queries.Query<Ticket> query = null!;
    protected Counter counter = null!;
}

public abstract class WritesPage : WritesPage<Ticket>;
