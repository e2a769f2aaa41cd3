using Ashlar.Docs.Tests.Models.Articles;
using Ashlar.Domains;
using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Pages;

public abstract class ActionsPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected Domain domain = null!;
    protected Article article = null!;
}

public abstract class ActionsPage : ActionsPage<Article>;
