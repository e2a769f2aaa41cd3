using System.Globalization;

namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>Hands out migration versions (UTC <c>yyyyMMddHHmmss</c>), each later than every earlier one and than <c>after</c>.</summary>
internal sealed class VersionClock(TimeProvider time, string? after)
{
    private const string Format = "yyyyMMddHHmmss";
    private DateTime? _last = after is null ? null : DateTime.ParseExact(after, Format, CultureInfo.InvariantCulture);

    public string Next()
    {
        var now = time.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc);
        var version = _last is { } last && now <= last ? last.AddSeconds(1) : now;
        _last = version;
        return version.ToString(Format, CultureInfo.InvariantCulture);
    }
}
