namespace Ashlar.Postgres.Tests.Migrations.Generation.Library;

public enum BookState
{
    Draft,
    Published,
}
