namespace Ashlar.Cli;

/// <summary>How codegen answers "Are you renaming …?" questions.</summary>
internal enum RenameAnswer
{
    /// <summary>Ask when interactive; otherwise fail and say which flag to pass.</summary>
    Ask,

    /// <summary><c>--yes</c>: every candidate is a rename.</summary>
    Yes,

    /// <summary><c>--no-renames</c>: every candidate is a drop plus an add.</summary>
    No,
}
