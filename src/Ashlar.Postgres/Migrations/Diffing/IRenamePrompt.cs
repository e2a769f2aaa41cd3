namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>
/// Answers the questions the generator cannot decide alone. Without one (non-interactive), a removed and an added
/// table or column are a drop and an add, and a drop is refused unless <see cref="Generation.MigrationGeneratorOptions.AllowDrops"/>
/// is set; declare renames with <c>RenamedFrom</c> so CI never needs to ask.
/// </summary>
public interface IRenamePrompt
{
    /// <summary>
    /// True when a person can answer <see cref="ConfirmDrop"/> and <see cref="ConfirmColumnDrop"/>; false (e.g. no
    /// terminal) makes a drop need <see cref="Generation.MigrationGeneratorOptions.AllowDrops"/>, as without a prompt.
    /// </summary>
    bool CanConfirmDrops { get; }

    /// <summary>Is <paramref name="from"/> being renamed (or moved) to <paramref name="to"/>?</summary>
    /// <param name="kind"><c>table</c>, <c>schema</c> (a table moved to another schema) or <c>column</c>.</param>
    /// <param name="from">The old qualified name, e.g. <c>public.users</c> or <c>public.users.mail</c>.</param>
    /// <param name="to">The new qualified name.</param>
    /// <returns>True for a rename; false for a drop and an add.</returns>
    bool IsRename(string kind, string from, string to);

    /// <summary>May the generator drop <paramref name="table"/>, whose resource is gone? A "no" is remembered.</summary>
    /// <param name="table">The qualified table name.</param>
    /// <returns>True to drop it.</returns>
    bool ConfirmDrop(string table);

    /// <summary>
    /// May the generator drop <paramref name="column"/>, whose attribute is gone? A "no" stops the generation with a
    /// <see cref="Generation.DropsNotAllowedException"/>: restore the attribute or declare its rename, then run again.
    /// </summary>
    /// <param name="column">The qualified column name, e.g. <c>public.posts.legacy</c>.</param>
    /// <returns>True to drop it.</returns>
    bool ConfirmColumnDrop(string column);
}
