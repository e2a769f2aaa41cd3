namespace Ashlar.Postgres.Declarations;

/// <summary>What PostgreSQL does to referencing rows when the referenced row is deleted. No resource logic runs.</summary>
public enum OnDelete
{
    /// <summary>Refuse the delete at the end of the statement (<c>NO ACTION</c>, the default).</summary>
    Nothing,

    /// <summary>Refuse the delete at once, even when deferred (<c>RESTRICT</c>).</summary>
    Restrict,

    /// <summary>Delete the referencing rows too (<c>CASCADE</c>).</summary>
    Delete,

    /// <summary>Set the referencing columns to NULL (<c>SET NULL</c>; with columns, PostgreSQL 15+ only).</summary>
    Nilify,
}
