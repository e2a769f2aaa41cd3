namespace Ashlar.Resources;

/// <summary>The attributes an action accepting every public, writable attribute lists.</summary>
internal static class AcceptedAttributes
{
    public static List<string> AllPublicWritable(IReadOnlyList<AttributeDefinition> attributes)
    {
        var names = new List<string>(attributes.Count);
        foreach (var attribute in attributes)
        {
            if (attribute.Public && attribute.Writable)
            {
                names.Add(attribute.Name);
            }
        }

        return names;
    }
}
