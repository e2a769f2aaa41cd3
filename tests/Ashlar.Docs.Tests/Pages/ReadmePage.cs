using Ashlar.Domains;
using Ashlar.Resources;
using HelpDesk.Resources;

namespace Ashlar.Docs.Tests.Pages;

public abstract class ReadmePage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected string connectionString = "";
    protected Domain helpdesk = null!;
    protected User bob = null!;
    protected string requestBody = "";
    protected string sortParameter = "";
    protected IReadOnlyList<(string Title, int Priority)> rows = [];
}

public abstract class ReadmePage : ReadmePage<Ticket>;
