using System.Globalization;
using Ashlar.Resources;

namespace Ashlar.Changesets;

/// <summary>Checks a value against an attribute's declared constraints (lengths, bounds).</summary>
internal static class Constraints
{
    public static string? Check(AttributeDefinition attribute, object value)
    {
        if (value is string text)
        {
            if (attribute.MaxLength is { } max && text.Length > max)
            {
                return $"length must be less than or equal to {max}";
            }

            if (attribute.MinLength is { } min && text.Length < min)
            {
                return $"length must be greater than or equal to {min}";
            }
        }

        if ((attribute.Min is not null || attribute.Max is not null) && value is IConvertible && value is not string and not bool and not Enum)
        {
            var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            if (attribute.Min is { } min && number < min)
            {
                return $"must be greater than or equal to {min}";
            }

            if (attribute.Max is { } max && number > max)
            {
                return $"must be less than or equal to {max}";
            }
        }

        return null;
    }
}
