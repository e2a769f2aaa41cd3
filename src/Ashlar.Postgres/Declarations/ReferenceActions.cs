using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Declarations;

/// <summary>Maps a reference's declared rules to the SQL the schema model speaks.</summary>
internal static class ReferenceActions
{
    public static ForeignKeyAction OnDelete(OnDelete onDelete) => onDelete switch
    {
        Declarations.OnDelete.Restrict => ForeignKeyAction.Restrict,
        Declarations.OnDelete.Delete => ForeignKeyAction.Cascade,
        Declarations.OnDelete.Nilify => ForeignKeyAction.SetNull,
        _ => ForeignKeyAction.NoAction,
    };

    public static ForeignKeyAction OnUpdate(OnUpdate onUpdate) => onUpdate switch
    {
        Declarations.OnUpdate.Restrict => ForeignKeyAction.Restrict,
        Declarations.OnUpdate.Update => ForeignKeyAction.Cascade,
        Declarations.OnUpdate.Nilify => ForeignKeyAction.SetNull,
        _ => ForeignKeyAction.NoAction,
    };

    public static ForeignKeyDeferral Deferral(Deferrable deferrable) => deferrable switch
    {
        Deferrable.Yes => ForeignKeyDeferral.InitiallyImmediate,
        Deferrable.Initially => ForeignKeyDeferral.InitiallyDeferred,
        _ => ForeignKeyDeferral.NotDeferrable,
    };
}
