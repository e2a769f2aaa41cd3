namespace Ashlar.Postgres.Schema;

/// <summary>The SQL referential action a foreign key takes when the referenced row is deleted or its key changes.</summary>
public enum ForeignKeyAction
{
    /// <summary><c>NO ACTION</c>: refuse at the end of the statement (the default).</summary>
    NoAction,

    /// <summary><c>RESTRICT</c>: refuse at once.</summary>
    Restrict,

    /// <summary><c>CASCADE</c>: delete or update the referencing rows too.</summary>
    Cascade,

    /// <summary><c>SET NULL</c>: set the referencing columns to NULL.</summary>
    SetNull,
}
