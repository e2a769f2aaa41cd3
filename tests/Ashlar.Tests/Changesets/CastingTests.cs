using System.Text.Json;
using Ashlar.Tests.Resources;
using Ashlar.Types;
using Xunit;

namespace Ashlar.Tests.Changesets;

public sealed class CastingTests
{
    private static readonly AttributeType Int = AttributeType.Infer(typeof(int))!;
    private static readonly AttributeType Double = AttributeType.Infer(typeof(double))!;

    private static object? Cast(AttributeType type, object? value)
    {
        Assert.True(ValueCaster.TryCast(type, value, out var result, out var error), error);
        return result;
    }

    private static void Refused(AttributeType type, object? value) =>
        Assert.False(ValueCaster.TryCast(type, value, out _, out _), $"{value} should be refused as {type}");

    [Fact]
    public void Fractions_are_refused_by_integer_attributes_whatever_their_source()
    {
        Refused(Int, 2.5m);
        Refused(Int, 2.5);
        Refused(Int, "2.5");
        Assert.Equal(2, Cast(Int, 2.0m));
        Assert.Equal(42, Cast(Int, "42"));
    }

    [Fact]
    public void Thousands_separators_are_not_numbers()
    {
        Refused(Int, "1,5");
        Refused(Double, "2,5");
    }

    [Fact]
    public void Json_doubles_keep_their_magnitude()
    {
        using var json = JsonDocument.Parse("[1e-30, -1e300]");

        Assert.Equal(1e-30, Cast(Double, json.RootElement[0]));
        Assert.Equal(-1e300, Cast(Double, json.RootElement[1]));
    }

    [Fact]
    public void Undefined_enum_values_are_refused()
    {
        var mood = AttributeType.Infer(typeof(Mood))!;

        Refused(mood, (Mood)99);
        Refused(mood, 99);
        Assert.Equal(Mood.VerySad, Cast(mood, 1));
        Assert.Equal(Mood.VerySad, Cast(mood, "VerySad"));
    }

    [Fact]
    public void Utc_datetime_attributes_keep_their_clr_type()
    {
        var type = AttributeType.Infer(typeof(DateTime))!;

        var result = Cast(type, new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateTime(2026, 1, 1, 11, 0, 0, DateTimeKind.Utc), Assert.IsType<DateTime>(result));
        Assert.IsType<List<DateTime>>(Cast(AttributeType.Infer(typeof(List<DateTime>))!, new[] { DateTime.UtcNow }));
    }

    [Fact]
    public void Nullable_element_lists_accept_nils_and_plain_ones_do_not()
    {
        Assert.Equal([1, null], (List<int?>)Cast(AttributeType.Infer(typeof(List<int?>))!, new int?[] { 1, null })!);
        Refused(AttributeType.Infer(typeof(List<int>))!, new int?[] { 1, null });
    }
}
