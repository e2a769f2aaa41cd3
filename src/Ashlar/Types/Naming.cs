using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Types;

/// <summary>Converts .NET names to the snake_case names used for columns, inputs and enum values.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class Naming
{
    /// <summary>Turns <c>InsertedAt</c> into <c>inserted_at</c> and <c>HTTPCode</c> into <c>http_code</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // At most one underscore before each character: a name of up to 128 characters is written on the stack.
        var buffer = name.Length <= 128 ? stackalloc char[name.Length * 2] : new char[name.Length * 2];
        var length = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                var previousIsUpper = i > 0 && char.IsUpper(name[i - 1]);
                if (length > 0 && buffer[length - 1] != '_' && (previousIsLowerOrDigit || (previousIsUpper && nextIsLower)))
                {
                    buffer[length++] = '_';
                }

                buffer[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                buffer[length++] = c;
            }
        }

        return buffer[..length].SequenceEqual(name) ? name : new string(buffer[..length]);
    }
}
