namespace Ashlar.Postgres.Errors;

/// <summary>The operation during which a database error happened; it changes what a foreign-key error means.</summary>
internal enum WriteKind
{
    Read,
    Create,
    Update,
    Destroy,
}
