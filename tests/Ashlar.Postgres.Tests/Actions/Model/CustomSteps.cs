using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Actions.Model;

public sealed class UppercaseTitle : IChange<Article>
{
    public ValueTask ChangeAsync(Changeset<Article> changeset, ActionContext context, CancellationToken cancellationToken)
    {
        changeset.Set(a => a.Title, changeset.GetAttribute(a => a.Title)!.ToUpperInvariant());
        return ValueTask.CompletedTask;
    }
}

public sealed class AddArgument : IAtomicChange<Article>
{
    public ValueTask ChangeAsync(Changeset<Article> changeset, ActionContext context, CancellationToken cancellationToken)
    {
        changeset.Set(a => a.Views, changeset.GetAttribute(a => a.Views) + changeset.GetArgument<int>("by") - 1);
        return ValueTask.CompletedTask;
    }

    /// <summary>Composed with the increment before it: <c>views + 1 + by - 1</c>, in the statement.</summary>
    public ValueTask AtomicAsync(Changeset<Article> changeset, ActionContext context, CancellationToken cancellationToken)
    {
        var by = changeset.GetArgument<int>("by");
        changeset.SetAtomically(a => a.Views, a => a.Views + by - 1);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A custom change with an atomic form: adds the argument <c>points</c> to the stored views, in the update statement.</summary>
public sealed class AddPoints : IAtomicChange<Article>
{
    public ValueTask ChangeAsync(Changeset<Article> changeset, ActionContext context, CancellationToken cancellationToken)
    {
        changeset.Set(a => a.Views, changeset.GetAttribute(a => a.Views) + changeset.GetArgument<int>("points"));
        return ValueTask.CompletedTask;
    }

    public ValueTask AtomicAsync(Changeset<Article> changeset, ActionContext context, CancellationToken cancellationToken)
    {
        var points = changeset.GetArgument<int>("points");
        changeset.SetAtomically(a => a.Views, a => a.Views + points);
        return ValueTask.CompletedTask;
    }
}

public sealed class NoShouting : IValidation<Article>
{
    public ValueTask ValidateAsync(Changeset<Article> changeset, ActionContext context, CancellationToken cancellationToken)
    {
        var title = changeset.GetAttribute(a => a.Title);
        if (title is { Length: > 1 } && title.All(c => !char.IsLower(c)))
        {
            changeset.AddError("title", "must not be all capitals");
        }

        return ValueTask.CompletedTask;
    }
}
