using Ashlar.Docs.Tests.Models.Library;
using Ashlar.Domains;
using Ashlar.Resources;

namespace Ashlar.Docs.Tests.Pages;

public abstract class ErrorsPage<TResource> : Page<TResource>
    where TResource : class, IResource<TResource>
{
    protected Domain library = null!;
}

public abstract class ErrorsPage : ErrorsPage<Book>;
