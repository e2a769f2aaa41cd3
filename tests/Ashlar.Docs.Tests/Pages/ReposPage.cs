using Ashlar.Domains;
using Ashlar.Resources;
using HelpDesk.Resources;

namespace Ashlar.Docs.Tests.Pages;

public abstract class ReposPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected DomainModel model = null!;
    protected string primaryConnectionString = "";
}

public abstract class ReposPage : ReposPage<Ticket>;
