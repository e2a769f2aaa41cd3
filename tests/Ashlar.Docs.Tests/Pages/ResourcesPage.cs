using Ashlar.Domains;
using Ashlar.Resources;
using HelpDesk.Resources;

namespace Ashlar.Docs.Tests.Pages;

public abstract class ResourcesPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected Domain helpdesk = null!;
    protected Organization org = null!;
    protected User bob = null!;
    protected User alice = null!;
}

public abstract class ResourcesPage : ResourcesPage<Ticket>;
