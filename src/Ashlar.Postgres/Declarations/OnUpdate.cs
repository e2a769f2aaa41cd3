namespace Ashlar.Postgres.Declarations;

/// <summary>What PostgreSQL does to referencing rows when the referenced key changes. No resource logic runs.</summary>
public enum OnUpdate
{
    /// <summary>Refuse the change at the end of the statement (<c>NO ACTION</c>, the default).</summary>
    Nothing,

    /// <summary>Refuse the change at once (<c>RESTRICT</c>).</summary>
    Restrict,

    /// <summary>Change the referencing columns too (<c>CASCADE</c>).</summary>
    Update,

    /// <summary>Set the referencing columns to NULL (<c>SET NULL</c>).</summary>
    Nilify,
}
