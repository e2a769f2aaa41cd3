using Ashlar.Resources;
using HelpDesk.Resources;
using Microsoft.AspNetCore.Builder;

namespace Ashlar.Docs.Tests.Pages;

public abstract class HostingPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected WebApplicationBuilder builder = null!;
    protected WebApplication app = null!;
}

public abstract class HostingPage : HostingPage<Ticket>;
