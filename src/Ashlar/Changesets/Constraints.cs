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

        if ((attribute.Min is not null || attribute.Max is not null) && Compare(value, attribute.Min, attribute.Max) is { } violation)
        {
            return violation;
        }

        if (value is decimal amount && attribute.Type.Precision is { } precision && !FitsPrecision(amount, precision, attribute.Type.Scale ?? 0))
        {
            return $"must have at most {precision - (attribute.Type.Scale ?? 0)} digits before the point";
        }

        return null;
    }

    private static string? Compare(object value, decimal? min, decimal? max)
    {
        if (value is double or float)
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return double.IsNaN(number) ? "must be a number"
                : number < (double?)min ? $"must be greater than or equal to {min}"
                : number > (double?)max ? $"must be less than or equal to {max}"
                : null;
        }

        if (value is not (decimal or short or int or long or byte))
        {
            return null;
        }

        var exact = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        return exact < min ? $"must be greater than or equal to {min}"
            : exact > max ? $"must be less than or equal to {max}"
            : null;
    }

    /// <summary>True when PostgreSQL's numeric(precision, scale) can hold the value after rounding to the scale.</summary>
    private static bool FitsPrecision(decimal value, int precision, int scale)
    {
        var integerDigits = precision - scale;
        var rounded = Math.Abs(Math.Round(value, Math.Min(scale, 28), MidpointRounding.AwayFromZero));
        return integerDigits >= 29 || decimal.Truncate(rounded) < (decimal)Math.Pow(10, integerDigits);
    }
}
