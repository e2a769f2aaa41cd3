using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashlar.Postgres.Snapshots;

/// <summary>Writes and reads an enum as the fixed words a snapshot file uses for it.</summary>
internal sealed class SnapshotEnumConverter<T>(Dictionary<T, string> words) : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var word = reader.GetString();
        foreach (var (value, name) in words)
        {
            if (name == word)
            {
                return value;
            }
        }

        throw new JsonException($"'{word}' is not one of {string.Join(", ", words.Values)}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(words[value]);
}
