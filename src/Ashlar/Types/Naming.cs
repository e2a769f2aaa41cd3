using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Ashlar.Types;

/// <summary>Converts .NET names to the snake_case names used for columns, inputs and enum values.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class Naming
{
    /// <summary>Turns <c>InsertedAt</c> into <c>inserted_at</c> and <c>HTTPCode</c> into <c>http_code</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                var previousIsUpper = i > 0 && char.IsUpper(name[i - 1]);
                if (builder.Length > 0 && builder[^1] != '_' && (previousIsLowerOrDigit || (previousIsUpper && nextIsLower)))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
