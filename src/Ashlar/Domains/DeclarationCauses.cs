using System.Text.RegularExpressions;
using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Domains;

/// <summary>
/// Completes the problems only the whole domain can explain: a missing belongs-to key's fix gets the destination's key
/// type, and the problems that follow from that missing key (a reference, an index or a check naming it) are marked
/// with it as their cause and listed after the root causes.
/// </summary>
internal static class DeclarationCauses
{
    public static List<DeclarationProblem> Explain(List<DeclarationProblem> problems, IReadOnlyList<IResourceDraft> drafts)
    {
        var missing = drafts.SelectMany(d => d.MissingForeignKeys).ToList();
        if (missing.Count == 0)
        {
            return problems;
        }

        var explained = new List<DeclarationProblem>(problems);
        foreach (var key in missing)
        {
            var index = explained.FindIndex(p => ReferenceEquals(p, key.Problem));
            if (index < 0)
            {
                continue;
            }

            var root = explained[index] = key.Problem with { Fix = Fix(key, drafts) };
            var mentions = new Regex($@"\b({Regex.Escape(key.Relationship)}|{Regex.Escape(key.Key)})\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            for (var i = 0; i < explained.Count; i++)
            {
                var problem = explained[i];
                if (i != index && problem.CausedBy is null && problem.Resource == root.Resource &&
                    (mentions.IsMatch(problem.Option) || mentions.IsMatch(problem.Problem)))
                {
                    explained[i] = problem with { CausedBy = root };
                }
            }
        }

        return [.. explained.Where(p => p.CausedBy is null), .. explained.Where(p => p.CausedBy is not null)];
    }

    private static string Fix(MissingForeignKey key, IReadOnlyList<IResourceDraft> drafts)
    {
        var destination = drafts.FirstOrDefault(d => d.ClrType == key.Destination);
        var keys = destination?.Attributes.Where(a => key.DestinationAttribute is null ? a.PrimaryKey : a.Name == key.DestinationAttribute).ToList();
        var resource = key.Problem.Resource;
        if (keys is not [var target])
        {
            return $"add `public <type> {key.Property} {{ get; set; }}` to {resource}, of the type of {key.Destination.Name}'s " +
                   "key, or name the property with SourceAttribute(...)";
        }

        var type = Keyword(Nullable.GetUnderlyingType(target.Property.PropertyType) ?? target.Property.PropertyType);
        return $"add `public {type} {key.Property} {{ get; set; }}` to {resource} (`{type}?` when a {resource} may have no " +
               $"{key.Relationship}; {type} because {key.Destination.Name}.{target.Property.Name} is), or name the property with SourceAttribute(...)";
    }

    private static string Keyword(Type type) =>
        type == typeof(long) ? "long"
        : type == typeof(int) ? "int"
        : type == typeof(short) ? "short"
        : type == typeof(string) ? "string"
        : type.Name;
}
