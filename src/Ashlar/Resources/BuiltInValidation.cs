namespace Ashlar.Resources;

/// <summary>A validation Ashlar provides: checks one field and returns the failure's message, or null.</summary>
internal sealed class BuiltInValidation<T>(string name, string field, Func<Changeset<T>, CancellationToken, ValueTask<string?>> check) : IValidation<T>
    where T : class
{
    public string Name { get; } = name;

    public string Field { get; } = field;

    public Func<Changeset<T>, CancellationToken, ValueTask<string?>> Check { get; } = check;

    public string? Message { get; init; }

    public IEnumerable<string> Reads { get; init; } = [field];

    /// <summary>The relationship the validation reads, or null.</summary>
    public string? Relationship { get; init; }

    public async ValueTask ValidateAsync(Changeset<T> changeset, ActionContext context, CancellationToken cancellationToken)
    {
        if (changeset.Core.HasErrorOn(Field))
        {
            return;
        }

        if (await Check(changeset, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            changeset.AddError(Field, Message ?? failure);
        }
    }
}
