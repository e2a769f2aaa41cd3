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
                return MaxLengthMessage(max);
            }

            if (attribute.MinLength is { } min && text.Length < min)
            {
                return MinLengthMessage(min);
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

    public static string MaxLengthMessage(int max) => $"length must be less than or equal to {max}";

    public static string MinLengthMessage(int min) => $"length must be greater than or equal to {min}";

    public static string MinMessage(decimal min) => $"must be greater than or equal to {min}";

    public static string MaxMessage(decimal max) => $"must be less than or equal to {max}";

    private static string? Compare(object value, decimal? min, decimal? max)
    {
        if (value is double or float)
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return double.IsNaN(number) ? "must be a number"
                : number < (double?)min ? MinMessage(min!.Value)
                : number > (double?)max ? MaxMessage(max!.Value)
                : null;
        }

        if (value is not (decimal or short or int or long or byte))
        {
            return null;
        }

        var exact = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        return exact < min ? MinMessage(min!.Value)
            : exact > max ? MaxMessage(max!.Value)
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
