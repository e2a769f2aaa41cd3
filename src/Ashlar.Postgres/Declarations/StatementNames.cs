using System.Security.Cryptography;
using System.Text;

namespace Ashlar.Postgres.Declarations;

/// <summary>Derives stable names for statements declared only by their SQL text.</summary>
internal static class StatementNames
{
    public static string Derive(string sql)
    {
        var normalized = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return "statement_" + Convert.ToHexStringLower(hash)[..12];
    }
}
