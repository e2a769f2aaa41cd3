using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.Errors;
using Ashlar.Queries;
using Ashlar.Resources;

namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>
    /// Creates a record from an object of the resource's class: <c>CreateAsync(new Book { Title = "Dune" })</c>. The
    /// attributes the action accepts are read from it, through the same checks as any other input; an accepted
    /// attribute with a declared default that still holds the value a new object holds (0, null, the initializer's)
    /// gets its default, as EF Core's sentinel values do. An attribute the action does not accept, or a relationship,
    /// set on the object is refused by name (<see cref="NoSuchInput"/>), never silently dropped.
    /// </summary>
    /// <param name="record">The new record; it is not changed (the stored one is returned).</param>
    /// <param name="action">The create action to run; the primary one when null.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">The values are invalid, the action does not exist (<see cref="NoSuchAction"/>) or the database refused the write.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is an anonymous type: name the resource, <c>CreateAsync&lt;Ticket&gt;(new { … })</c>.</exception>
    public Task<T> CreateAsync<T>(T record, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        if (IsAnonymous(typeof(T)))
        {
            throw new ArgumentException(
                "an anonymous object was passed without its resource type, so the compiler took the anonymous type for the resource; " +
                "name the resource: CreateAsync<Ticket>(new { … })", nameof(record));
        }

        return CreateAsync<T>((object?)record, action, tenant, cancellationToken);
    }

    private static bool IsAnonymous(Type type) =>
        type.Name.StartsWith("<>", StringComparison.Ordinal)
        && type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false);

    /// <summary>
    /// Updates a record with the changes <paramref name="change"/> makes: <c>UpdateAsync(book, b =&gt; b.Title = "Dune")</c>.
    /// The lambda runs on a copy of <paramref name="record"/> (which stays as it is); every attribute whose value it
    /// changed becomes the action's input, checked like any other, so a change to an attribute the action does not
    /// accept is refused by name (<see cref="NoSuchInput"/>). Assign values; arrays are copied, other objects held by
    /// the record (maps) must be replaced, not modified in place.
    /// </summary>
    /// <param name="record">The record as read.</param>
    /// <param name="change">Sets the new values.</param>
    /// <param name="action">The update action to run; the primary one when null.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">The changes are invalid, the record is gone (<see cref="StaleRecord"/>), the action does not exist (<see cref="NoSuchAction"/>), or the database refused the write.</exception>
    public Task<T> UpdateAsync<T>(T record, Action<T>? change, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        var input = change is null ? null : TypedInput.ForUpdate(Model.Resource<T>(), record, change);
        return UpdateAsync(record, (object?)input, action, tenant, cancellationToken);
    }

    /// <summary>
    /// When an update has nothing to write, checks that <paramref name="record"/> holds what is stored, so a change made
    /// to the object is reported (<see cref="UnsavedChanges"/>) instead of silently not written. Attributes still
    /// holding a new object's value are not compared: a record read with <c>Select</c> holds those for the others.
    /// </summary>
    private async Task EnsureNothingUnsaved<T>(ResourceDefinition resource, ActionDefinition action, T record, string? tenant, CancellationToken cancellationToken)
        where T : class
    {
        var key = KeyOf(resource, record);
        var keyInput = key.Select(k => new KeyValuePair<string, object?>(k.Attribute.Name, k.Value)).ToList();
        var stored = await DataLayer.ReadAsync<T>(QueryPlanner.Find(resource, keyInput, tenant), cancellationToken).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            throw Stale(resource, action, key, null);
        }

        var fresh = resource.ClrType.GetConstructor(Type.EmptyTypes)?.Invoke(null);
        var errors = new List<AshlarError>();
        foreach (var attribute in resource.Attributes)
        {
            var held = resource.GetValue(record, attribute.Name);
            var current = resource.GetValue(stored[0], attribute.Name);
            if (StoredEquality.Same(attribute.Type, current, held) ||
                (fresh is not null && StoredEquality.Same(attribute.Type, resource.GetValue(fresh, attribute.Name), held)))
            {
                continue;
            }

            errors.Add(new UnsavedChanges(
                $"the object holds {Show(held)} but the stored record holds {Show(current)}, and {action} wrote nothing: " +
                $"UpdateAsync(record, input) writes only its input. Pass the change as input, or as a lambda that sets it, " +
                $"UpdateAsync(record, r => r.{attribute.Property.Name} = ...); if the object was not changed, the record was " +
                "changed since it was read: read it again")
            {
                Resource = resource.Name,
                Field = attribute.Name,
            });
        }

        if (errors.Count > 0)
        {
            throw new InvalidException(errors);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "nil",
        string text => $"\"{(text.Length > 40 ? text[..40] + "…" : text)}\"",
        _ => value.ToString() ?? "",
    };
}
