using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Expressions.Linq;
using Ashlar.Multitenancy;
using Ashlar.Queries;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Domains;

/// <summary>
/// Actions that carry logic: arguments, changes and validations run on a changeset, then the write; with hooks, the
/// hooks and the write run in one transaction, and after-transaction hooks once it has ended.
/// </summary>
public sealed partial class Domain : IActionRunner, IActionServices
{
    private static readonly AsyncLocal<TransactionScope?> CurrentScope = new();

    /// <summary>Destroys a record through a destroy action that takes arguments.</summary>
    /// <param name="record">The record, as read.</param>
    /// <param name="input">The action's arguments: an anonymous object, a dictionary or a JSON object.</param>
    /// <param name="action">The destroy action to run; the primary one when null.</param>
    /// <param name="tenant">The tenant, for multitenant resources.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidException">The input is invalid, a validation failed, or the record is gone (<see cref="StaleRecord"/>).</exception>
    public async Task DestroyAsync<T>(T record, object? input, string? action = null, string? tenant = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        var resource = Model.Resource<T>();
        using var activity = BeginAction(resource, ActionKind.Destroy, action, tenant, out var definition);
        try
        {
            await DestroyWithLogicAsync(resource, definition, record, input, tenant, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (activity.Fail(e))
        {
            throw; // never reached: Fail marks the activity and declines the exception
        }
    }

    private async Task<T> CreateWithLogicAsync<T>(ResourceDefinition resource, ActionDefinition action, object? input, string? tenant,
        IReadOnlyDictionary<string, object?>? forced, CancellationToken cancellationToken)
        where T : class
    {
        var changeset = Changeset.Begin(resource, action, null, input, Model.TimeProvider, tenant, TenantCheck.Owner(resource, tenant), new ActionContext(this, this, tenant));
        foreach (var (name, value) in forced ?? new Dictionary<string, object?>())
        {
            changeset.SetAttribute(name, value);
        }

        await changeset.RunStepsAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(changeset, resource, action, ct =>
            DataLayer.CreateAsync<T>(new CreatePlan(resource, changeset.Values) { Tenant = tenant }, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An update with logic: its changes and validations, then one UPDATE with the values and the atomic changes (declared and given).</summary>
    private async Task<T> UpdateWithLogicAsync<T>(ResourceDefinition resource, ActionDefinition action, T record, object? input, string? tenant, CancellationToken cancellationToken)
        where T : class
    {
        var (plain, requested) = AtomicChanges.Split(resource, input);
        var changeset = Changeset.Begin(resource, action, record, plain, Model.TimeProvider, tenant, null, new ActionContext(this, this, tenant),
            atomic: requested.Count + action.Atomics.Count > 0);
        await changeset.RunStepsAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(changeset, resource, action, async ct =>
        {
            var atomics = Atomics(resource, action, requested, changeset);
            if (!changeset.HasChanges && atomics.Count == 0)
            {
                return record;
            }

            var plan = new UpdatePlan(resource, KeyOf(resource, record), changeset.Values) { Tenant = tenant, Version = VersionOf(resource, record), Atomics = atomics };
            return await DataLayer.UpdateAsync<T>(plan, ct).ConfigureAwait(false) ?? throw Stale(resource, action, plan.Key, plan.Version);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A destroy with logic, or a soft destroy: an update that sets the archive attribute to now.</summary>
    private async Task DestroyWithLogicAsync<T>(ResourceDefinition resource, ActionDefinition action, T record, object? input, string? tenant, CancellationToken cancellationToken)
        where T : class
    {
        var changeset = Changeset.Begin(resource, action, record, input, Model.TimeProvider, tenant, null, new ActionContext(this, this, tenant));
        if (action.SoftDestroyAttribute is { } archive)
        {
            changeset.SetNow(archive);
        }

        await changeset.RunStepsAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(changeset, resource, action, async ct =>
        {
            var key = KeyOf(resource, record);
            var version = VersionOf(resource, record);
            if (action.SoftDestroyAttribute is null)
            {
                return await DataLayer.DestroyAsync(new DestroyPlan(resource, key) { Tenant = tenant, Version = version }, ct).ConfigureAwait(false)
                    ? record
                    : throw Stale(resource, action, key, version);
            }

            var plan = new UpdatePlan(resource, key, changeset.Values) { Tenant = tenant, Version = version };
            return await DataLayer.UpdateAsync<T>(plan, ct).ConfigureAwait(false) ?? throw Stale(resource, action, key, version);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finishes the changeset and writes; with hooks, in a transaction that a failing hook rolls back.</summary>
    private async Task<T> ExecuteAsync<T>(Changeset changeset, ResourceDefinition resource, ActionDefinition action,
        Func<CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken)
        where T : class
    {
        if (changeset.HasErrors || !changeset.HasActionHooks)
        {
            changeset.Finish();
            ThrowIfInvalid(changeset, resource, action);
        }

        if (!changeset.HasActionHooks)
        {
            return await AfterTransactionAsync(changeset, () => Run(resource, action, () => write(cancellationToken)), cancellationToken).ConfigureAwait(false);
        }

        return await AfterTransactionAsync(changeset, () => InTransactionAsync(async ct =>
        {
            await changeset.RunHooksAsync(ActionHookKind.BeforeAction, null, null, ct).ConfigureAwait(false);
            changeset.Finish();
            ThrowIfInvalid(changeset, resource, action);
            var record = await Run(resource, action, () => write(ct)).ConfigureAwait(false);
            await changeset.RunHooksAsync(ActionHookKind.AfterAction, record, null, ct).ConfigureAwait(false);
            ThrowIfInvalid(changeset, resource, action);
            return record;
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the changeset's after-transaction hooks once the work's transaction has ended: now, or when the outermost
    /// transaction the work runs in ends.
    /// </summary>
    private static async Task<T> AfterTransactionAsync<T>(Changeset changeset, Func<Task<T>> work, CancellationToken cancellationToken)
        where T : class
    {
        if (!changeset.HasAfterTransactionHooks)
        {
            return await work().ConfigureAwait(false);
        }

        if (CurrentScope.Value is { } outer)
        {
            T joined;
            try
            {
                joined = await work().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                outer.Defer(error => changeset.RunHooksAsync(ActionHookKind.AfterTransaction, null, error ?? e, cancellationToken));
                throw;
            }

            outer.Defer(error => changeset.RunHooksAsync(ActionHookKind.AfterTransaction, error is null ? joined : null, error, cancellationToken));
            return joined;
        }

        T result;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await changeset.RunHooksAsync(ActionHookKind.AfterTransaction, null, e, cancellationToken).ConfigureAwait(false);
            throw;
        }

        await changeset.RunHooksAsync(ActionHookKind.AfterTransaction, result, null, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction, joining the current one; the outermost runs deferred hooks when it ends.</summary>
    private async Task<TResult> InTransactionAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        if (CurrentScope.Value is not null)
        {
            return await DataLayer.TransactionAsync(work, cancellationToken).ConfigureAwait(false);
        }

        var scope = new TransactionScope();
        CurrentScope.Value = scope;
        TResult result;
        try
        {
            result = await DataLayer.TransactionAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            CurrentScope.Value = null;
            await scope.EndAsync(e).ConfigureAwait(false);
            throw;
        }

        CurrentScope.Value = null;
        await scope.EndAsync(null).ConfigureAwait(false);
        return result;
    }

    async ValueTask<bool> IActionServices.AnyRelatedAsync(ResourceDefinition resource, object record, RelationshipDefinition relationship, string? tenant, CancellationToken cancellationToken)
    {
        var parameter = Expression.Parameter(resource.ClrType, "r");
        var member = Expression.Property(parameter, relationship.Property);
        Expression body = relationship.IsToOne
            ? Expression.NotEqual(member, Expression.Constant(null, member.Type))
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [relationship.DestinationType], member);
        var exists = LambdaTranslator.Translate(Model, resource, Expression.Lambda(body, parameter));
        var plan = QueryPlanner.Find(resource, KeyValue(resource, record), tenant);
        plan = plan with { Filter = new BinaryExpr(BinaryOperator.And, plan.Filter!, exists) };
        return await DataLayer.CountAsync(plan, cancellationToken).ConfigureAwait(false) > 0;
    }

    ResourceDefinition IActionServices.Resource(Type type) => Model.Resource(type);

    ValueTask IActionServices.RelateAsync(ResourceDefinition resource, object record, RelationshipDefinition relationship, object key, bool relate, string? tenant, CancellationToken cancellationToken) =>
        (ValueTask)ChildMethod(nameof(RelateChildAsync), relationship.DestinationType)
            .Invoke(this, [resource, record, relationship, key, relate, tenant, cancellationToken])!;

    ValueTask IActionServices.ManageAsync(ResourceDefinition resource, object record, RelationshipDefinition relationship, IEnumerable<object?> input, string? tenant, CancellationToken cancellationToken) =>
        (ValueTask)ChildMethod(nameof(ManageChildrenAsync), relationship.DestinationType)
            .Invoke(this, [resource, record, relationship, input, tenant, cancellationToken])!;

    private async ValueTask RelateChildAsync<TChild>(ResourceDefinition resource, object record, RelationshipDefinition relationship, object key, bool relate, string? tenant, CancellationToken cancellationToken)
        where TChild : class
    {
        var destination = Model.Resource<TChild>();
        var child = await FindAsync<TChild>(key, tenant, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidException([new NotFound($"no {destination.Name} has the key {key}") { Resource = resource.Name, Field = relationship.Name }]);
        if (relationship.Kind == RelationshipKind.ManyToMany)
        {
            await ((ValueTask)ChildMethod(nameof(RelateThroughAsync), relationship.ThroughType!)
                .Invoke(this, [resource.GetValue(record, relationship.SourceAttribute), relationship, destination.GetValue(child, relationship.DestinationAttribute), relate, tenant, cancellationToken])!)
                .ConfigureAwait(false);
            return;
        }

        var pointer = destination.Attribute(relationship.DestinationAttribute)!;
        var value = relate ? resource.GetValue(record, relationship.SourceAttribute) : null;
        var plan = new UpdatePlan(destination, KeyOf(destination, child), [new FieldValue(pointer, value)]) { Tenant = tenant };
        _ = await DataLayer.UpdateAsync<TChild>(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Relates or unrelates through a many-to-many's join resource: creates the join record (unless it exists) through
    /// the join's primary create action, or destroys the ones that link the two records through its primary destroy.
    /// </summary>
    private async ValueTask RelateThroughAsync<TJoin>(object? source, RelationshipDefinition relationship, object? destination, bool relate, string? tenant, CancellationToken cancellationToken)
        where TJoin : class
    {
        var join = Model.Resource<TJoin>();
        var sourceOnJoin = join.Attribute(relationship.SourceAttributeOnJoin!)!;
        var destinationOnJoin = join.Attribute(relationship.DestinationAttributeOnJoin!)!;
        var existing = await DataLayer.ReadAsync<TJoin>(new ReadPlan(join)
        {
            Filter = new BinaryExpr(BinaryOperator.And,
                new BinaryExpr(BinaryOperator.Equal, new RefExpr([], sourceOnJoin), new ValueExpr(source, sourceOnJoin.Type)),
                new BinaryExpr(BinaryOperator.Equal, new RefExpr([], destinationOnJoin), new ValueExpr(destination, destinationOnJoin.Type))),
            Tenant = tenant,
        }, cancellationToken).ConfigureAwait(false);
        if (relate && existing.Count == 0)
        {
            var input = new Dictionary<string, object?>(StringComparer.Ordinal) { [sourceOnJoin.Name] = source, [destinationOnJoin.Name] = destination };
            await CreateAsync<TJoin>(input, tenant: tenant, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (!relate)
        {
            foreach (var link in existing)
            {
                await DestroyAsync(link, tenant: tenant, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask ManageChildrenAsync<TChild>(ResourceDefinition resource, object record, RelationshipDefinition relationship, IEnumerable<object?> input, string? tenant, CancellationToken cancellationToken)
        where TChild : class
    {
        if (relationship.Kind == RelationshipKind.ManyToMany)
        {
            await ManageThroughAsync<TChild>(resource, record, relationship, input, tenant, cancellationToken).ConfigureAwait(false);
            return;
        }

        var destination = Model.Resource<TChild>();
        var pointer = destination.Attribute(relationship.DestinationAttribute)!;
        var owner = resource.GetValue(record, relationship.SourceAttribute);
        var existing = await DataLayer.ReadAsync<TChild>(new ReadPlan(destination)
        {
            Filter = new BinaryExpr(BinaryOperator.Equal, new RefExpr([], pointer), new ValueExpr(owner, pointer.Type)),
            Tenant = tenant,
        }, cancellationToken).ConfigureAwait(false);
        var key = destination.PrimaryKey[0];
        var byKey = existing.ToDictionary(c => destination.GetValue(c, key.Name)!);
        var kept = new HashSet<object>();
        foreach (var item in input)
        {
            var pairs = InputReader.Read(item, destination.Name);
            var keyPair = pairs.FirstOrDefault(p => p.Key == key.Name || Naming.ToSnakeCase(p.Key) == key.Name);
            var rest = pairs.Where(p => p.Key != keyPair.Key).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            if (keyPair.Key is null)
            {
                await CreateWithLogicAsync<TChild>(destination, RequireAction(destination, ActionKind.Create, null), rest, tenant,
                    new Dictionary<string, object?> { [pointer.Name] = owner }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!ValueCaster.TryCast(key.Type, keyPair.Value, out var id, out _) || id is null || !byKey.TryGetValue(id, out var child))
            {
                throw new InvalidException([new NotFound($"has no {destination.Name} with the key {keyPair.Value}") { Resource = resource.Name, Field = relationship.Name }]);
            }

            kept.Add(id);
            await UpdateAsync(child, rest, tenant: tenant, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, child) in byKey)
        {
            if (!kept.Contains(id))
            {
                await DestroyAsync(child, tenant: tenant, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Makes a many-to-many list match the input: an item with the destination's key (a map holding it, or the key
    /// itself) relates that record (updating it through its primary update when the map gives other values), one
    /// without creates the record through its primary create and relates it; records linked but left out are unrelated
    /// (their join records destroyed, the records kept). Join records are created and destroyed through the join
    /// resource's primary actions.
    /// </summary>
    private async ValueTask ManageThroughAsync<TChild>(ResourceDefinition resource, object record, RelationshipDefinition relationship, IEnumerable<object?> input, string? tenant, CancellationToken cancellationToken)
        where TChild : class
    {
        var destination = Model.Resource<TChild>();
        var key = destination.PrimaryKey[0];
        var source = resource.GetValue(record, relationship.SourceAttribute);
        var wanted = new List<object?>();
        foreach (var item in input)
        {
            var isKey = item is not null && item is not JsonElement { ValueKind: JsonValueKind.Object } && (item is IConvertible or Guid || item is JsonElement);
            var pairs = isKey ? [new KeyValuePair<string, object?>(key.Name, item)] : InputReader.Read(item, destination.Name);
            var keyPair = pairs.FirstOrDefault(p => p.Key == key.Name || Naming.ToSnakeCase(p.Key) == key.Name);
            var rest = pairs.Where(p => p.Key != keyPair.Key).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            TChild child;
            if (keyPair.Key is null)
            {
                child = await CreateAsync<TChild>(rest, tenant: tenant, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var found = ValueCaster.TryCast(key.Type, keyPair.Value, out var id, out _) && id is not null
                    ? await FindAsync<TChild>(id, tenant, cancellationToken).ConfigureAwait(false)
                    : null;
                child = found ?? throw new InvalidException([new NotFound($"has no {destination.Name} with the key {keyPair.Value}") { Resource = resource.Name, Field = relationship.Name }]);
                if (rest.Count > 0)
                {
                    child = await UpdateAsync(child, rest, tenant: tenant, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            wanted.Add(destination.GetValue(child, relationship.DestinationAttribute));
        }

        await ((ValueTask)ChildMethod(nameof(LinkOnlyAsync), relationship.ThroughType!)
            .Invoke(this, [source, relationship, wanted, tenant, cancellationToken])!).ConfigureAwait(false);
    }

    /// <summary>Leaves exactly the join records from <paramref name="source"/> to <paramref name="wanted"/>: creates the missing, destroys the others.</summary>
    private async ValueTask LinkOnlyAsync<TJoin>(object? source, RelationshipDefinition relationship, List<object?> wanted, string? tenant, CancellationToken cancellationToken)
        where TJoin : class
    {
        var join = Model.Resource<TJoin>();
        var sourceOnJoin = join.Attribute(relationship.SourceAttributeOnJoin!)!;
        var destinationOnJoin = join.Attribute(relationship.DestinationAttributeOnJoin!)!;
        var links = await DataLayer.ReadAsync<TJoin>(new ReadPlan(join)
        {
            Filter = new BinaryExpr(BinaryOperator.Equal, new RefExpr([], sourceOnJoin), new ValueExpr(source, sourceOnJoin.Type)),
            Tenant = tenant,
        }, cancellationToken).ConfigureAwait(false);
        var linked = new HashSet<object?>();
        foreach (var link in links)
        {
            var destination = join.GetValue(link, destinationOnJoin.Name);
            if (wanted.Contains(destination))
            {
                linked.Add(destination);
            }
            else
            {
                await DestroyAsync(link, tenant: tenant, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var destination in wanted.Distinct())
        {
            if (linked.Add(destination))
            {
                var values = new Dictionary<string, object?>(StringComparer.Ordinal) { [sourceOnJoin.Name] = source, [destinationOnJoin.Name] = destination };
                await CreateAsync<TJoin>(values, tenant: tenant, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Bulk creates and upserts run no hooks, relationship changes or custom changes: an action that has them is refused,
    /// not half run (writes by query: <c>RefuseInQueryWrite</c>). A bulk create (<paramref name="perRow"/>) runs arguments, Set changes and validations that need
    /// no other records on each input row.
    /// </summary>
    internal static void RefuseLogicInBulk(ResourceDefinition resource, ActionDefinition action, bool perRow = false)
    {
        if (!action.HasLogic)
        {
            return;
        }

        var blocking = action.SoftDestroyAttribute is not null ? "a soft destroy"
            : !perRow ? "arguments, changes, validations or hooks"
            : action.Steps.FirstOrDefault(s => !s.PerRow)?.Description;
        if (blocking is null)
        {
            return;
        }

        var allowed = perRow
            ? "bulk create runs only arguments, Set / SetFromArgument / SetTo changes and validations that read no other records, on each input row"
            : "an upsert runs none of an action's logic";
        throw AshlarException.From(new UnsupportedFeature(
            $"{action} has {blocking}, which {(perRow ? "bulk create" : "an upsert")} cannot run ({allowed}); write the records one by one (CreateAsync / UpdateAsync / DestroyAsync), or use an action without it")
        { Resource = resource.Name });
    }

    private static MethodInfo ChildMethod(string name, Type child) =>
        typeof(Domain).GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic)!.MakeGenericMethod(child);

    private static object KeyValue(ResourceDefinition resource, object record) =>
        resource.PrimaryKey.Count == 1
            ? resource.GetValue(record, resource.PrimaryKey[0].Name)!
            : resource.PrimaryKey.ToDictionary(a => a.Name, a => resource.GetValue(record, a.Name));

    /// <summary>The after-transaction hooks of the actions run inside one outermost transaction.</summary>
    private sealed class TransactionScope
    {
        private readonly List<Func<Exception?, ValueTask>> _deferred = [];

        public void Defer(Func<Exception?, ValueTask> hook) => _deferred.Add(hook);

        public async ValueTask EndAsync(Exception? error)
        {
            foreach (var hook in _deferred)
            {
                await hook(error).ConfigureAwait(false);
            }
        }
    }
}
