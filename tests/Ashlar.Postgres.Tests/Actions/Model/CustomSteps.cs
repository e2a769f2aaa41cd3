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

public sealed class AddArgument : IChange<Article>
{
    public ValueTask ChangeAsync(Changeset<Article> changeset, ActionContext context, CancellationToken cancellationToken)
    {
        changeset.Set(a => a.Views, changeset.GetAttribute(a => a.Views) + changeset.GetArgument<int>("by") - 1);
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
