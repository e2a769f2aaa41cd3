using System.Globalization;
using Ashlar.Actions;

namespace Ashlar.Changesets;

/// <summary>Checks an argument's value against its declared constraints: lengths, bounds, one-of.</summary>
internal static class ArgumentConstraints
{
    public static string? Check(ArgumentDefinition argument, object value)
    {
        if (value is string text)
        {
            if (argument.MaxLength is { } max && text.Length > max)
            {
                return $"length must be less than or equal to {max}";
            }

            if (argument.MinLength is { } min && text.Length < min)
            {
                return $"length must be greater than or equal to {min}";
            }
        }

        if ((argument.Min is not null || argument.Max is not null) && value is decimal or short or int or long or byte or double or float)
        {
            var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            if (number < argument.Min)
            {
                return $"must be greater than or equal to {argument.Min}";
            }

            if (number > argument.Max)
            {
                return $"must be less than or equal to {argument.Max}";
            }
        }

        return argument.OneOf is { } allowed && !allowed.Contains(value)
            ? $"must be one of {string.Join(", ", allowed)}"
            : null;
    }
}
