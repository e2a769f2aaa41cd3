using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Snapshots;

/// <summary>
/// The JSON form of snapshots: snake_case keys in declaration order, indented, enums as snake_case strings,
/// unordered lists (foreign keys, indexes, checks) sorted by name so that a diff of two versions reads well.
/// </summary>
internal static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = SnapshotJsonContext.Default.WithAddedModifier(OnlySettable).WithAddedModifier(ForeignKeyWords),
        NewLine = "\n",
    };

    /// <summary>The text of a table's snapshot file, with its unordered lists sorted by name.</summary>
    public static string Write(TableSnapshot snapshot) => Encoding.UTF8.GetString(WriteUtf8(snapshot));

    /// <summary>The same text as <see cref="Write(TableSnapshot)"/>, as the UTF-8 bytes of the file (no byte order mark).</summary>
    public static byte[] WriteUtf8(TableSnapshot snapshot) =>
        TableSnapshotWriter.Write(snapshot with { Table = snapshot.Table is null ? null : Normalize(snapshot.Table) });

    /// <summary>True when <paramref name="utf8"/> (no byte order mark) is exactly the text <see cref="WriteUtf8"/> gives.</summary>
    public static bool Matches(TableSnapshot snapshot, ReadOnlySpan<byte> utf8) =>
        TableSnapshotWriter.Matches(snapshot with { Table = snapshot.Table is null ? null : Normalize(snapshot.Table) }, utf8);

    /// <summary>
    /// <see cref="Write(TableSnapshot)"/> by <c>JsonSerializer</c> with the snapshot options: what
    /// <see cref="TableSnapshotWriter"/> must write, byte for byte (the tests compare them).
    /// </summary>
    public static string Serialize(TableSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot with { Table = snapshot.Table is null ? null : Normalize(snapshot.Table) }, Options) + "\n";

    public static string Write(RepoSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot with
        {
            Schemas = snapshot.Schemas.Order(StringComparer.Ordinal).ToList(),
            Extensions = snapshot.Extensions.Order(StringComparer.Ordinal).ToList(),
            Functions = snapshot.Functions is { Count: > 0 } functions ? functions.Order(StringComparer.Ordinal).ToList() : null,
        }, Options) + "\n";

    public static string Write(IReadOnlyList<string> names) => JsonSerializer.Serialize(names.Order(StringComparer.Ordinal).ToList(), Options) + "\n";

    public static T Read<T>(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid Ashlar snapshot: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads a table snapshot file's UTF-8 bytes (a byte order mark is skipped): directly when it is in the form
    /// <see cref="TableSnapshotWriter"/> writes, else through the serializer.
    /// </summary>
    public static TableSnapshot ReadTable(ReadOnlySpan<byte> utf8, string path) =>
        TableSnapshotReader.TryRead(WithoutBom(utf8), out var snapshot) ? snapshot : Read<TableSnapshot>(utf8, path);

    /// <summary>Reads a snapshot file's UTF-8 bytes (a byte order mark is skipped), without decoding them to a string first.</summary>
    public static T Read<T>(ReadOnlySpan<byte> utf8, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(WithoutBom(utf8), Options)
                ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid Ashlar snapshot: {e.Message}", e);
        }
    }

    /// <summary>The bytes of a file without its UTF-8 byte order mark, if it has one.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) => utf8.StartsWith(Utf8Bom) ? utf8[Utf8Bom.Length..] : utf8;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The table with its unordered lists sorted by name.</summary>
    public static TableModel Normalize(TableModel table) => table with
    {
        ForeignKeys = table.ForeignKeys.OrderBy(k => k.Name, StringComparer.Ordinal).ToList(),
        Indexes = table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToList(),
        Checks = table.Checks.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
    };

    private static readonly Dictionary<ForeignKeyAction, string> DeleteNames =
        new() { [ForeignKeyAction.NoAction] = "nothing", [ForeignKeyAction.Restrict] = "restrict", [ForeignKeyAction.Cascade] = "delete", [ForeignKeyAction.SetNull] = "nilify" };

    private static readonly Dictionary<ForeignKeyAction, string> UpdateNames =
        new() { [ForeignKeyAction.NoAction] = "nothing", [ForeignKeyAction.Restrict] = "restrict", [ForeignKeyAction.Cascade] = "update", [ForeignKeyAction.SetNull] = "nilify" };

    private static readonly Dictionary<ForeignKeyDeferral, string> DeferralNames =
        new() { [ForeignKeyDeferral.NotDeferrable] = "no", [ForeignKeyDeferral.InitiallyImmediate] = "yes", [ForeignKeyDeferral.InitiallyDeferred] = "initially" };

    private static readonly JsonConverter DeleteWords = new SnapshotEnumConverter<ForeignKeyAction>(DeleteNames);

    private static readonly JsonConverter UpdateWords = new SnapshotEnumConverter<ForeignKeyAction>(UpdateNames);

    private static readonly JsonConverter DeferralWords = new SnapshotEnumConverter<ForeignKeyDeferral>(DeferralNames);

    /// <summary>The action a snapshot's <c>on_delete</c> word stands for.</summary>
    public static bool TryDeleteAction(string? word, out ForeignKeyAction action) => TryFind(DeleteNames, word, out action);

    /// <summary>The action a snapshot's <c>on_update</c> word stands for.</summary>
    public static bool TryUpdateAction(string? word, out ForeignKeyAction action) => TryFind(UpdateNames, word, out action);

    /// <summary>The deferral a snapshot's <c>deferrable</c> word stands for.</summary>
    public static bool TryDeferral(string? word, out ForeignKeyDeferral deferral) => TryFind(DeferralNames, word, out deferral);

    private static bool TryFind<T>(Dictionary<T, string> words, string? word, out T value)
        where T : struct
    {
        foreach (var (candidate, name) in words)
        {
            if (name == word)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The word a snapshot stores for a foreign key's <c>on_delete</c>.</summary>
    public static string DeleteWord(ForeignKeyAction action) => DeleteNames[action];

    /// <summary>The word a snapshot stores for a foreign key's <c>on_update</c>.</summary>
    public static string UpdateWord(ForeignKeyAction action) => UpdateNames[action];

    /// <summary>The word a snapshot stores for a foreign key's <c>deferrable</c>.</summary>
    public static string DeferralWord(ForeignKeyDeferral deferral) => DeferralNames[deferral];

    /// <summary>Foreign keys keep the words snapshots have always used, those of the declarations.</summary>
    private static void ForeignKeyWords(JsonTypeInfo info)
    {
        if (info.Type != typeof(ForeignKeyModel))
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            property.CustomConverter = property.Name switch
            {
                "on_delete" => DeleteWords,
                "on_update" => UpdateWords,
                "deferrable" => DeferralWords,
                _ => property.CustomConverter,
            };
        }
    }

    private static void OnlySettable(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null && info.Properties[i].AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
