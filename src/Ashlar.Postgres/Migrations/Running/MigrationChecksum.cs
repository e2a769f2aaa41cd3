using System.Security.Cryptography;
using System.Text;

namespace Ashlar.Postgres.Migrations.Running;

/// <summary>The checksum recorded with an applied migration: what it ran, not how its file is commented.</summary>
internal static class MigrationChecksum
{
    public static string Compute(MigrationFile migration)
    {
        var text = string.Join("\n-- ashlar:statement\n", migration.Up.Select(s => s.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()));
        if (!migration.Transactional)
        {
            text += "\n-- ashlar:no-transaction";
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
