using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.DataLayer;
using Ashlar.Diagnostics;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Queries;
using Ashlar.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashlar.Domains;

/// <summary>
/// The entry point of a running application: runs actions and queries on the resources of a
/// <see cref="DomainModel"/> through a data layer. Thread-safe; create one and share it.
/// </summary>
public sealed partial class Domain : IAsyncDisposable, IDisposable
{
    private readonly ILogger _logger;
    private readonly QueryPlanner _planner;

    /// <summary>Creates a domain over a validated model and the data layer that stores it.</summary>
    public Domain(DomainModel model, IDataLayer dataLayer, ILoggerFactory? loggerFactory = null)
    {
        Model = model;
        DataLayer = dataLayer;
        _planner = new QueryPlanner(model, model.InputLimits);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Ashlar.Domain");
    }

    /// <summary>The validated model.</summary>
    public DomainModel Model { get; }

    /// <summary>The data layer records are stored in.</summary>
    public IDataLayer DataLayer { get; }

    internal ILogger Logger => _logger;

    /// <summary>Creates a record through a create action.</summary>
    /// <param name="input">An anonymous object, a dictionary or a JSON object; names are attribute or property names.</param>
    /// <param name="action">The create action to run; the primary one when null.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">The input is invalid or the database refused the write.</exception>
    public async Task<T> CreateAsync<T>(object? input, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var resource = Model.Resource<T>();
        using var activity = BeginAction(resource, ActionKind.Create, action, tenant, out var definition);
        try
        {
            if (definition.HasLogic)
            {
                return await CreateWithLogicAsync<T>(resource, definition, input, tenant, null, cancellationToken).ConfigureAwait(false);
            }

            var changeset = Changeset.ForCreate(resource, definition, input, Model.TimeProvider, TenantCheck.Owner(resource, tenant));
            ThrowIfInvalid(changeset, resource, definition);
            return await Run(resource, definition, () => DataLayer.CreateAsync<T>(
                new CreatePlan(resource, changeset.Values) { Tenant = tenant }, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    /// <summary>
    /// Updates a record through an update action and returns it as stored. Only values that differ from the ones
    /// <paramref name="record"/> holds are written; when none do, nothing is written, <c>updated_at</c> stays, and
    /// <paramref name="record"/> itself is returned once one read has checked that it holds what is stored (a change
    /// made to the object is refused with <see cref="UnsavedChanges"/>, never silently dropped). Pass the record as
    /// read, not one built by hand; to write changes made to the object, use the lambda overload.
    /// </summary>
    /// <exception cref="InvalidException">The input is invalid, the record is gone (<see cref="StaleRecord"/>), or the database refused the write.</exception>
    public async Task<T> UpdateAsync<T>(T record, object? input, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        var resource = Model.Resource<T>();
        using var activity = BeginAction(resource, ActionKind.Update, action, tenant, out var definition);
        try
        {
            if (definition.HasLogic)
            {
                return await UpdateWithLogicAsync(resource, definition, record, input, tenant, cancellationToken).ConfigureAwait(false);
            }

            var (plain, requested) = AtomicChanges.Split(resource, input);
            var changeset = Changeset.ForUpdate(resource, definition, record, plain, Model.TimeProvider, atomic: requested.Count + definition.Atomics.Count > 0);
            ThrowIfInvalid(changeset, resource, definition);
            var atomics = Atomics(resource, definition, requested, changeset);
            if (!changeset.HasChanges && atomics.Count == 0)
            {
                await EnsureNothingUnsaved(resource, definition, record, tenant, cancellationToken).ConfigureAwait(false);
                return record;
            }

            var plan = new UpdatePlan(resource, KeyOf(resource, record), changeset.Values)
            {
                Tenant = tenant,
                Version = VersionOf(resource, record),
                Atomics = atomics,
            };
            var updated = await Run(resource, definition, () => DataLayer.UpdateAsync<T>(plan, cancellationToken)).ConfigureAwait(false);
            return updated ?? throw Stale(resource, definition, plan.Key, plan.Version);
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    /// <summary>Destroys a record through a destroy action.</summary>
    /// <exception cref="InvalidException">The record is gone (<see cref="StaleRecord"/>) or other records still refer to it.</exception>
    public async Task DestroyAsync<T>(T record, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        var resource = Model.Resource<T>();
        using var activity = BeginAction(resource, ActionKind.Destroy, action, tenant, out var definition);
        try
        {
            if (definition.HasLogic)
            {
                await DestroyWithLogicAsync(resource, definition, record, null, tenant, cancellationToken).ConfigureAwait(false);
                return;
            }

            var plan = new DestroyPlan(resource, KeyOf(resource, record)) { Tenant = tenant, Version = VersionOf(resource, record) };
            var destroyed = await Run(resource, definition, () => DataLayer.DestroyAsync(plan, cancellationToken)).ConfigureAwait(false);
            if (!destroyed)
            {
                throw Stale(resource, definition, plan.Key, plan.Version);
            }
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    internal static ActionDefinition RequireAction(ResourceDefinition resource, ActionKind kind, string? name) =>
        ActionLookup.Require(resource, kind, name);

    private void ThrowIfInvalid(Changeset changeset, ResourceDefinition resource, ActionDefinition action)
    {
        if (changeset.Errors.Count > 0)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                LogMessages.ActionRefused(_logger, resource.Name, action.Name, string.Join("; ", changeset.Errors));
            }

            changeset.ThrowIfInvalid();
        }
    }

    private async Task<TResult> Run<TResult>(ResourceDefinition resource, ActionDefinition action, Func<ValueTask<TResult>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (AshlarException e) when (_logger.IsEnabled(LogLevel.Information))
        {
            LogMessages.ActionRefused(_logger, resource.Name, action.Name, string.Join("; ", e.Errors));
            throw;
        }
    }

    private static IReadOnlyList<FieldValue> KeyOf(ResourceDefinition resource, object record) =>
        resource.PrimaryKey.Select(a => new FieldValue(a, resource.GetValue(record, a.Name))).ToList();

    private IReadOnlyList<AtomicChange> Atomics(
        ResourceDefinition resource, ActionDefinition action, IReadOnlyList<KeyValuePair<string, System.Linq.Expressions.LambdaExpression>> requested, Changeset changeset) =>
        requested.Count + action.Atomics.Count + changeset.StepAtomics.Count == 0
            ? AtomicChanges.Guards(Model, resource, action)
            : [.. AtomicChanges.Build(Model, resource, action.Atomics.Concat(changeset.StepAtomics).Concat(requested), changeset.Values.Select(v => v.Attribute.Name).Where(n => resource.Attribute(n)?.UpdateDefault is null).ToList()),
                .. AtomicChanges.Guards(Model, resource, action)];

    private static FieldValue? VersionOf(ResourceDefinition resource, object record) =>
        resource.OptimisticLock is { } version ? new FieldValue(version, resource.GetValue(record, version.Name)) : null;

    private static InvalidException Stale(ResourceDefinition resource, ActionDefinition action, IReadOnlyList<FieldValue> key, FieldValue? version) =>
        new([new StaleRecord(version is not { } read
            ? $"the record ({Describe(key)}) no longer exists, so {action} changed nothing; read it again"
            : $"the record ({Describe(key)}) was changed or deleted since it was read ({read.Attribute.Name} {read.Value} is no longer the stored version), so {action} changed nothing; read it again and reapply the change")
        {
            Resource = resource.Name,
        }]);

    private static string Describe(IReadOnlyList<FieldValue> key) =>
        string.Join(", ", key.Select(k => $"{k.Attribute.Name} = {k.Value}"));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataLayer.DisposeAsync();

    /// <summary>Disposes the data layer synchronously (for containers that dispose synchronously); prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DataLayer.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
