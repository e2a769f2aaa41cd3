using System.Runtime.CompilerServices;
using Ashlar.Errors;
using Ashlar.Types;

namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    /// <summary>
    /// Declares that each record refers to one <typeparamref name="TDestination"/>. The key lives in this resource,
    /// in the property <c>&lt;Navigation&gt;Id</c> unless configured, which the class must have; its attribute
    /// (<c>&lt;navigation&gt;_id</c>) is declared from that property for you, not declared again with <c>Attribute</c>.
    /// </summary>
    /// <param name="navigation">The navigation property, as a lambda written at the call: <c>x =&gt; x.Author</c>.</param>
    /// <param name="configure">Further options.</param>
    /// <param name="navigationText">Filled in by the compiler: the source text of <paramref name="navigation"/>.</param>
    public ResourceBuilder<T> BelongsTo<TDestination>(
        Func<T, TDestination?> navigation,
        Action<BelongsToBuilder<T, TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(navigation))] string? navigationText = null)
        where TDestination : class
    {
        var property = Select(typeof(T), typeof(TDestination), navigationText, "belongs_to");
        if (property is null || IsDuplicate(property))
        {
            return this;
        }

        // The builder only when there is something to configure: it is a type per pair of resource classes.
        var draft = NewRelationship(RelationshipKind.BelongsTo, property, typeof(TDestination));
        if (configure is not null)
        {
            var builder = new BelongsToBuilder<T, TDestination>(this, draft);
            configure(builder);
            draft = builder.Draft;
        }

        var keyName = draft.SourceAttribute ?? Naming.ToSnakeCase(property.Name) + "_id";
        var keyProperty = ResourceProperties.FindBySnakeName(typeof(T), keyName);
        if (keyProperty is null)
        {
            // The fix names the key's type once the destination is known (DomainModel.Build completes it).
            var missing = new DeclarationProblem(Name, $"belongs_to {draft.Name}",
                $"there is no property to hold its key {keyName} (looked for a property {property.Name}Id); a resource class holds every attribute it stores",
                $"add `public <the key type of {typeof(TDestination).Name}> {property.Name}Id {{ get; set; }}` to {Name}, or name the property with SourceAttribute(...)");
            Draft.Problems.Add(missing);
            Draft.MissingForeignKeys.Add(new MissingForeignKey(missing, draft.Name, keyName, property.Name + "Id", typeof(TDestination), draft.DestinationAttribute));
            return this;
        }

        var key = Declare(keyProperty);
        key = key with
        {
            IsForeignKey = true,
            AllowNil = draft.AllowNil ?? key.AllowNil,
        };
        Upsert(key);
        Draft.Relationships.Add(draft with { SourceAttribute = keyName, AllowNil = key.AllowNil });
        return this;
    }

    /// <summary>Declares that one <typeparamref name="TDestination"/> refers to each record.</summary>
    /// <param name="navigation">The navigation property, as a lambda written at the call.</param>
    /// <param name="configure">Further options.</param>
    /// <param name="navigationText">Filled in by the compiler: the source text of <paramref name="navigation"/>.</param>
    public ResourceBuilder<T> HasOne<TDestination>(
        Func<T, TDestination?> navigation,
        Action<HasBuilder<T, TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(navigation))] string? navigationText = null)
        where TDestination : class
    {
        var property = Select(typeof(T), typeof(TDestination), navigationText, "has_one");
        if (property is null)
        {
            return this;
        }

        var builder = new HasBuilder<T, TDestination>(this,
            NewRelationship(RelationshipKind.HasOne, property, typeof(TDestination)));
        configure?.Invoke(builder);
        if (!IsDuplicate(builder.Draft.Property))
        {
            Draft.Relationships.Add(builder.Draft);
        }

        return this;
    }

    /// <summary>Declares that many <typeparamref name="TDestination"/> records refer to each record.</summary>
    /// <param name="navigation">The navigation property, as a lambda written at the call.</param>
    /// <param name="configure">Further options.</param>
    /// <param name="navigationText">Filled in by the compiler: the source text of <paramref name="navigation"/>.</param>
    public ResourceBuilder<T> HasMany<TDestination>(
        Func<T, IEnumerable<TDestination>?> navigation,
        Action<HasBuilder<T, TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(navigation))] string? navigationText = null)
        where TDestination : class
    {
        var property = Select(typeof(T), typeof(IEnumerable<TDestination>), navigationText, "has_many");
        if (property is null)
        {
            return this;
        }

        var builder = new HasBuilder<T, TDestination>(this,
            NewRelationship(RelationshipKind.HasMany, property, typeof(TDestination)));
        configure?.Invoke(builder);
        if (!IsDuplicate(builder.Draft.Property))
        {
            Draft.Relationships.Add(builder.Draft);
        }

        return this;
    }

    /// <summary>Declares many-to-many related records, joined through a join resource.</summary>
    /// <param name="navigation">The navigation property, as a lambda written at the call.</param>
    /// <param name="configure">Further options.</param>
    /// <param name="navigationText">Filled in by the compiler: the source text of <paramref name="navigation"/>.</param>
    public ResourceBuilder<T> ManyToMany<TDestination>(
        Func<T, IEnumerable<TDestination>?> navigation,
        Action<ManyToManyBuilder<T, TDestination>> configure,
        [CallerArgumentExpression(nameof(navigation))] string? navigationText = null)
        where TDestination : class
    {
        var property = Select(typeof(T), typeof(IEnumerable<TDestination>), navigationText, "many_to_many");
        if (property is null)
        {
            return this;
        }

        var builder = new ManyToManyBuilder<T, TDestination>(this,
            NewRelationship(RelationshipKind.ManyToMany, property, typeof(TDestination)));
        configure(builder);
        if (!IsDuplicate(builder.Draft.Property))
        {
            Draft.Relationships.Add(builder.Draft);
        }

        return this;
    }

    private bool IsDuplicate(System.Reflection.PropertyInfo property)
    {
        var name = Naming.ToSnakeCase(property.Name);
        if (!IsDeclared(name))
        {
            return false;
        }

        Problem($"relationship {name}", "is declared more than once", "declare each relationship once");
        return true;
    }

    private bool IsDeclared(string relationshipName)
    {
        foreach (var relationship in Draft.Relationships)
        {
            if (relationship.Name == relationshipName)
            {
                return true;
            }
        }

        return false;
    }

    private static RelationshipDraft NewRelationship(RelationshipKind kind, System.Reflection.PropertyInfo property, Type destination) =>
        new()
        {
            Name = Naming.ToSnakeCase(property.Name),
            Kind = kind,
            Property = property,
            DestinationType = destination,
        };
}
