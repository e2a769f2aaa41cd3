using Ashlar.Domains;

namespace Ashlar.Postgres.Tests.Migrations.Generation.Library;

/// <summary>A small domain declaring every Postgres schema option at least once.</summary>
public static class LibraryDomain
{
    public static DomainModel Build() => DomainModel.Build("library", d => d
        .Resource<Author>()
        .Resource<Book>()
        .Resource<Chapter>()
        .Resource<Tag>()
        .Resource<Shelf>());
}
