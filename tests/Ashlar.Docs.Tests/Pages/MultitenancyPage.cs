using Ashlar.Docs.Tests.Models.Saas;
using Ashlar.Domains;
using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Pages;

public abstract class MultitenancyPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected Domain domain = null!;
}

public abstract class MultitenancyPage : MultitenancyPage<Ticket>;
