namespace Ashlar.Actions;

/// <summary>The four kinds of action a resource can declare.</summary>
public enum ActionKind
{
    /// <summary>Inserts a record.</summary>
    Create,

    /// <summary>Reads records.</summary>
    Read,

    /// <summary>Changes a record.</summary>
    Update,

    /// <summary>Deletes a record.</summary>
    Destroy,
}
