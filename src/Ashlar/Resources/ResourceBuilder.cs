using System.Reflection;
using System.Runtime.CompilerServices;
using Ashlar.Errors;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>
/// The declaration DSL a resource's <c>Define</c> method receives. Declarations are collected here and
/// validated together when the domain is built.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed partial class ResourceBuilder<T>
    where T : class
{
    internal ResourceBuilder()
    {
    }

    /// <summary>What the declarations collected, read when the domain is built.</summary>
    internal ResourceDraft Draft { get; } = new(typeof(T));

    /// <summary>The resource's name: its class name.</summary>
    public string Name => Draft.Name;

    /// <summary>Declares an attribute stored in the property <paramref name="property"/>.</summary>
    /// <param name="property">The property, as a lambda written at the call: <c>x =&gt; x.Title</c>.</param>
    /// <param name="configure">Further options.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>, which names the property.</param>
    public ResourceBuilder<T> Attribute<TValue>(
        Func<T, TValue> property,
        Action<AttributeBuilder<TValue>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null)
    {
        var info = Select(typeof(T), typeof(TValue), propertyText, "attribute");
        if (info is null)
        {
            return this;
        }

        var definition = Declare(info);
        var builder = new AttributeBuilder<TValue>(definition);
        configure?.Invoke(builder);
        Upsert(builder.Definition);
        return this;
    }

    /// <summary>Declares a UUID primary key generated as a random (version 4) UUID.</summary>
    /// <param name="property">The property, as a lambda written at the call: <c>x =&gt; x.Id</c>.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>.</param>
    public ResourceBuilder<T> UuidPrimaryKey(Func<T, Guid> property, [CallerArgumentExpression(nameof(property))] string? propertyText = null) =>
        Attribute(property, a => a.PrimaryKey().Writable(false).Default(DefaultValue.UuidV4), propertyText);

    /// <summary>Declares a UUID primary key generated as a time-ordered (version 7) UUID.</summary>
    /// <param name="property">The property, as a lambda written at the call: <c>x =&gt; x.Id</c>.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>.</param>
    public ResourceBuilder<T> UuidV7PrimaryKey(Func<T, Guid> property, [CallerArgumentExpression(nameof(property))] string? propertyText = null) =>
        Attribute(property, a => a.PrimaryKey().Writable(false).Default(DefaultValue.UuidV7), propertyText);

    /// <summary>Declares an integer primary key the database assigns (an identity column).</summary>
    /// <param name="property">The property, as a lambda written at the call: <c>x =&gt; x.Id</c>.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>.</param>
    public ResourceBuilder<T> IntegerPrimaryKey(Func<T, int> property, [CallerArgumentExpression(nameof(property))] string? propertyText = null) =>
        IdentityKey(typeof(int), propertyText);

    /// <summary>Declares a 64-bit integer primary key the database assigns (an identity column).</summary>
    /// <param name="property">The property, as a lambda written at the call: <c>x =&gt; x.Id</c>.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>.</param>
    public ResourceBuilder<T> IntegerPrimaryKey(Func<T, long> property, [CallerArgumentExpression(nameof(property))] string? propertyText = null) =>
        IdentityKey(typeof(long), propertyText);

    /// <summary>
    /// Declares the timestamps <c>inserted_at</c> and <c>updated_at</c>, kept by Ashlar, stored in the properties
    /// <c>InsertedAt</c> and <c>UpdatedAt</c> (<see cref="DateTimeOffset"/> or UTC <see cref="DateTime"/>).
    /// </summary>
    public ResourceBuilder<T> Timestamps()
    {
        foreach (var (propertyName, onUpdate) in new[] { ("InsertedAt", false), ("UpdatedAt", true) })
        {
            var info = ResourceProperties.Find(typeof(T), propertyName);
            if (info is null || (info.PropertyType != typeof(DateTimeOffset) && info.PropertyType != typeof(DateTime)))
            {
                Problem("Timestamps()", $"there is no property {propertyName} of type DateTimeOffset",
                    $"add `public DateTimeOffset {propertyName} {{ get; set; }}` to {Name}");
                continue;
            }

            Timestamp(info, onUpdate);
        }

        return this;
    }

    /// <summary>Declares a timestamp set when the record is created.</summary>
    /// <param name="property">The property, as a lambda written at the call: <c>x =&gt; x.CreatedAt</c>.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>.</param>
    public ResourceBuilder<T> CreateTimestamp<TValue>(Func<T, TValue> property, [CallerArgumentExpression(nameof(property))] string? propertyText = null)
    {
        if (Select(typeof(T), typeof(TValue), propertyText, "create_timestamp") is { } info)
        {
            Timestamp(info, onUpdate: false);
        }

        return this;
    }

    /// <summary>Declares a timestamp set when the record is created and on every update.</summary>
    /// <param name="property">The property, as a lambda written at the call: <c>x =&gt; x.ChangedAt</c>.</param>
    /// <param name="propertyText">Filled in by the compiler: the source text of <paramref name="property"/>.</param>
    public ResourceBuilder<T> UpdateTimestamp<TValue>(Func<T, TValue> property, [CallerArgumentExpression(nameof(property))] string? propertyText = null)
    {
        if (Select(typeof(T), typeof(TValue), propertyText, "update_timestamp") is { } info)
        {
            Timestamp(info, onUpdate: true);
        }

        return this;
    }

    /// <summary>Declares a set of attributes whose values must be unique.</summary>
    /// <param name="name">The identity's name, e.g. <c>unique_email</c>.</param>
    /// <param name="keys"><c>p =&gt; p.Email</c>, or <c>p =&gt; new { p.OrgId, p.Email }</c> for several.</param>
    /// <param name="configure">Further options.</param>
    /// <param name="keysText">Filled in by the compiler: the source text of <paramref name="keys"/>, which names the properties.</param>
    public ResourceBuilder<T> Identity(string name, Func<T, object?> keys, Action<IdentityBuilder>? configure = null,
        [CallerArgumentExpression(nameof(keys))] string? keysText = null)
    {
        var properties = MemberSelectorText.SelectList(typeof(T), keysText, out var problem, out var fix);
        if (properties is null)
        {
            Problem($"identity {name}", problem, fix);
            return this;
        }

        var keyNames = new List<string>(properties.Count);
        foreach (var property in properties)
        {
            keyNames.Add(Naming.ToSnakeCase(property.Name));
        }

        var builder = new IdentityBuilder(new IdentityDefinition { Name = name, Keys = keyNames });
        configure?.Invoke(builder);
        Draft.Identities.Add(builder.Definition);
        return this;
    }

    /// <summary>Records an earlier name of the resource's table, for migrations.</summary>
    public ResourceBuilder<T> RenamedFrom(string oldTable)
    {
        Draft.ResourceRenamedFrom.Add(oldTable);
        return this;
    }

    /// <summary>
    /// The options object a data layer keeps for this resource (created on first use).
    /// Data layers expose it through their own extension methods, such as <c>Postgres(...)</c>.
    /// </summary>
    public TExtension Extension<TExtension>()
        where TExtension : class, new()
    {
        if (!Draft.Extensions.TryGetValue(typeof(TExtension), out var extension))
        {
            extension = new TExtension();
            Draft.Extensions[typeof(TExtension)] = extension;
        }

        return (TExtension)extension;
    }

    internal void Problem(string option, string problem, string fix) =>
        Draft.Problems.Add(new DeclarationProblem(Name, option, problem, fix));

    /// <summary>
    /// The property of <paramref name="type"/> a selector text names, checked against the delegate's result type
    /// <paramref name="valueType"/>; null after recording the problem. Not generic: a generic helper is one more method
    /// instantiated per resource class and value type, each resolved when the domain is built.
    /// </summary>
    internal PropertyInfo? Select(Type type, Type valueType, string? text, string option)
    {
        var info = MemberSelectorText.Select(type, valueType, text, out var problem, out var fix);
        if (info is null)
        {
            Problem(option, problem, fix);
        }

        return info;
    }

    /// <summary>The snake_case name of the property a selector text names; null after recording the problem.</summary>
    internal string? SelectName(Type type, Type valueType, string? text, string option) =>
        Select(type, valueType, text, option) is { } info ? Naming.ToSnakeCase(info.Name) : null;

    // Not generic: a generic method of ResourceBuilder<T> is one more instantiation per resource class at start-up.
    private ResourceBuilder<T> IdentityKey(Type valueType, string? propertyText)
    {
        if (Select(typeof(T), valueType, propertyText, "integer_primary_key") is { } info)
        {
            Upsert(Declare(info) with { PrimaryKey = true, AllowNil = false, Writable = false, Identity = true });
        }

        return this;
    }

    private void Timestamp(PropertyInfo info, bool onUpdate)
    {
        var definition = Declare(info) with
        {
            AllowNil = false,
            Writable = false,
            Default = DefaultValue.Now,
            UpdateDefault = onUpdate ? DefaultValue.Now : null,
        };
        Upsert(definition);
    }

    private AttributeDefinition Declare(PropertyInfo info)
    {
        var declared = ResourceProperties.Declared(info);
        var name = declared.Name;
        var index = IndexOfAttribute(name);
        if (index >= 0)
        {
            var existing = Draft.Attributes[index];
            if (existing.Property.Name != info.Name)
            {
                Problem($"attribute {name}", $"the properties {existing.Property.Name} and {info.Name} both map to the name {name}",
                    "rename one of the properties");
            }

            return existing;
        }

        var type = declared.Type;
        if (type is null)
        {
            Problem($"attribute {name}", $"Ashlar has no attribute type for the CLR type {info.PropertyType.Name}",
                "use a supported type (string, numbers, bool, Guid, DateOnly, TimeOnly, DateTimeOffset, byte[], an enum, arrays, or a JSON map)");
            type = AttributeType.Of(TypeKind.String, typeof(string));
        }

        return new AttributeDefinition
        {
            Name = name,
            Property = info,
            Type = type,
            AllowNil = declared.AllowsNil,
        };
    }

    private void Upsert(AttributeDefinition definition)
    {
        var index = IndexOfAttribute(definition.Name);
        if (index >= 0)
        {
            Draft.Attributes[index] = definition;
        }
        else
        {
            Draft.Attributes.Add(definition);
        }
    }

    // A loop, not a lambda: a lambda here is a closure class per resource type, loaded for every resource when the
    // domain is built.
    private int IndexOfAttribute(string name)
    {
        for (var i = 0; i < Draft.Attributes.Count; i++)
        {
            if (Draft.Attributes[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
