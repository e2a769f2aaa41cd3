using Ashlar.Docs.Tests.Models.Blog;
using Ashlar.Domains;
using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Pages;

public abstract class QueriesPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected Domain blog = null!;
    protected long id;
    protected List<long> ids = [];
}

public abstract class QueriesPage : QueriesPage<Post>;
