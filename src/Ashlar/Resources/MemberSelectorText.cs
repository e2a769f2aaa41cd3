using System.Collections.Concurrent;
using System.Reflection;
using Ashlar.Errors;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>
/// Reads which property a declaration lambda selects from its source text (<c>[CallerArgumentExpression]</c>), so a
/// declaration takes a plain delegate instead of an expression tree the runtime would build and validate by reflection.
/// Strict: <c>x =&gt; x.Name</c>, <c>static x =&gt; x.Name</c>, <c>(Ticket x) =&gt; x.Name</c>, <c>x =&gt; x.Name!</c>,
/// <c>x =&gt; (object?)x.Name</c> and, where a list is allowed, <c>x =&gt; new { x.A, x.B }</c>; whitespace and comments
/// anywhere. Anything else is refused with a problem naming the text.
/// </summary>
internal static class MemberSelectorText
{
    /// <summary>The fix every refused selector's message gives.</summary>
    public const string Fix = "write a lambda like `x => x.Name` at the call (the selector is read from its source text; a variable, a method call or a call without that text, e.g. from F# or by reflection, cannot be read)";

    // Texts read before. They are the compiler's [CallerArgumentExpression] constants, so an app has a bounded set, and
    // resources repeat the same few (`x => x.Id`): a domain build looks most of them up instead of parsing them again.
    // The bound only guards against texts made at run time.
    private const int MaxParsed = 10_000;
    // One dictionary per mode, keyed by the text alone: a tuple key would be a value-type instantiation the runtime
    // compiles at start-up, where string keys use code compiled ahead of time.
    private static readonly ConcurrentDictionary<string, string[]> ParsedSingle = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string[]> ParsedList = new(StringComparer.Ordinal);

    // Counted here: the dictionary's own Count takes all its locks, and its first call starts the collections'
    // event source, tens of milliseconds at start-up.
    private static int _parsedCount;

    /// <summary>The one property name <paramref name="text"/> selects, or null with the problem.</summary>
    public static string? Single(string? text, out string? problem)
    {
        var names = Parse(text, list: false, out problem);
        return names?[0];
    }

    /// <summary>The property names <paramref name="text"/> selects (one, or several with <c>new { x.A, x.B }</c>), or null with the problem.</summary>
    public static IReadOnlyList<string>? List(string? text, out string? problem) => Parse(text, list: true, out problem);

    /// <summary>
    /// The property of <paramref name="type"/> that <paramref name="text"/> selects, checked against the delegate's
    /// result type <paramref name="valueType"/>; or null with the problem and its fix.
    /// </summary>
    public static PropertyInfo? Select(Type type, Type valueType, string? text, out string problem, out string fix)
    {
        var name = Single(text, out var parseProblem);
        if (name is null)
        {
            (problem, fix) = (parseProblem!, Fix);
            return null;
        }

        var property = Property(type, name, valueType, text!, out var lookupProblem);
        (problem, fix) = (lookupProblem ?? "", property is null ? $"select a public property of {type.Name}" : "");
        return property;
    }

    /// <summary>The properties of <paramref name="type"/> that <paramref name="text"/> lists, or null with the problem and its fix.</summary>
    public static List<PropertyInfo>? SelectList(Type type, string? text, out string problem, out string fix)
    {
        var names = List(text, out var parseProblem);
        if (names is null)
        {
            (problem, fix) = (parseProblem!, Fix);
            return null;
        }

        var properties = new List<PropertyInfo>(names.Count);
        foreach (var name in names)
        {
            var property = Property(type, name, typeof(object), text!, out var lookupProblem);
            if (property is null)
            {
                (problem, fix) = (lookupProblem!, $"select public properties of {type.Name}");
                return null;
            }

            properties.Add(property);
        }

        (problem, fix) = ("", "");
        return properties;
    }

    /// <summary>
    /// The snake_case name of the property of <paramref name="type"/> that <paramref name="text"/> selects, for
    /// declarations that have no resource builder to collect problems (changes, validations, action options).
    /// </summary>
    /// <exception cref="DeclarationException">The text selects no property of <paramref name="type"/>.</exception>
    public static string NameOrThrow(Type type, Type valueType, string? text, string option)
    {
        var property = Select(type, valueType, text, out var problem, out var fix);
        return property is null
            ? throw new DeclarationException([new DeclarationProblem(type.Name, option, problem, fix)])
            : Naming.ToSnakeCase(property.Name);
    }

    /// <summary>The public instance property <paramref name="name"/> of <paramref name="type"/>, checked against the delegate's result type.</summary>
    public static PropertyInfo? Property(Type type, string name, Type valueType, string text, out string? problem)
    {
        problem = null;
        var property = ResourceProperties.Find(type, name);
        if (property is null)
        {
            problem = type.GetField(name, BindingFlags.Public | BindingFlags.Instance) is null
                ? $"`{Compact(text)}` selects {name}, which is not a property of {type.Name}"
                : $"`{Compact(text)}` selects {name}, a field of {type.Name}; declarations need a property";
            return null;
        }

        if (!Converts(property.PropertyType, valueType))
        {
            problem = $"`{Compact(text)}` selects {name}, a {property.PropertyType.Name}, where a {valueType.Name} is expected";
            return null;
        }

        return property;
    }

    /// <summary>The text on one line, for messages.</summary>
    public static string Compact(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // The compiler has already checked `x.Name` against the delegate's type; this only catches text that does not
    // belong to the delegate (a text passed by hand), so every conversion C# makes implicitly or by a cast passes.
    private static bool Converts(Type from, Type to)
    {
        if (to == typeof(object) || to.IsAssignableFrom(from))
        {
            return true;
        }

        var target = Nullable.GetUnderlyingType(to) ?? to;
        var source = Nullable.GetUnderlyingType(from) ?? from;
        return target.IsAssignableFrom(source) || (IsNumeric(source) && IsNumeric(target));
    }

    private static bool IsNumeric(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(decimal);

    private static string[]? Parse(string? text, bool list, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "the selector's source text is missing, so which property it selects is unknown";
            return null;
        }

        var parsedTexts = list ? ParsedList : ParsedSingle;
        if (parsedTexts.TryGetValue(text, out var known))
        {
            return known;
        }

        var reader = new Reader(text);
        var names = new List<string>(1);
        var error = ReadLambda(ref reader, names, list);
        if (error is null && !reader.AtEnd)
        {
            error = "it continues after the selected property";
        }

        if (error is null)
        {
            var parsed = names.ToArray();
            if (Volatile.Read(ref _parsedCount) < MaxParsed && parsedTexts.TryAdd(text, parsed))
            {
                Interlocked.Increment(ref _parsedCount);
            }

            return parsed;
        }

        problem = $"`{Compact(text)}` is not a lambda that selects a property: {error}";
        return null;
    }

    private static string? ReadLambda(ref Reader reader, List<string> names, bool list)
    {
        if (reader.PeekIdentifier() is "static")
        {
            reader.Identifier();
        }

        string? parameter;
        if (reader.Take('('))
        {
            // `(x)` or `(Ticket x)`: the last identifier before the closing parenthesis is the parameter.
            parameter = null;
            var depth = 0;
            while (depth > 0 || !reader.Take(')'))
            {
                var c = reader.Peek();
                if (reader.AtEnd || c == '(' || (c == ',' && depth == 0))
                {
                    return "a declaration lambda has exactly one parameter";
                }

                parameter = reader.Identifier();
                if (parameter is null)
                {
                    depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                    reader.Skip();
                }
            }
        }
        else
        {
            parameter = reader.Identifier();
        }

        if (parameter is null || !reader.TakeArrow())
        {
            return "it is not a lambda (a variable or a method call holding one cannot be read)";
        }

        if (list && reader.PeekIdentifier() is "new")
        {
            reader.Identifier();
            if (!reader.Take('{'))
            {
                return "`new` must be followed by `{ x.A, x.B }`";
            }

            do
            {
                if (reader.Peek() == '}')
                {
                    break;
                }

                // `Alias = x.A` names the anonymous type's member; the property is still x.A.
                var save = reader;
                if (reader.Identifier() is null || !reader.Take('='))
                {
                    reader = save;
                }

                var error = ReadMember(ref reader, parameter, names);
                if (error is not null)
                {
                    return error;
                }
            }
            while (reader.Take(','));

            return reader.Take('}') ? null : "the list must be `new { x.A, x.B }`";
        }

        return ReadMember(ref reader, parameter, names);
    }

    // `x.Name`, `x.Name!`, `(x.Name)`, `(object?)x.Name`.
    private static string? ReadMember(ref Reader reader, string parameter, List<string> names)
    {
        if (reader.Take('('))
        {
            var save = reader;
            if (reader.SkipType() && reader.Take(')') && (reader.PeekIdentifier() is not null || reader.Peek() == '('))
            {
                return ReadMember(ref reader, parameter, names);
            }

            reader = save;
            var error = ReadMember(ref reader, parameter, names);
            return error ?? (reader.Take(')') ? null : "a parenthesis is not closed where expected");
        }

        var root = reader.Identifier();
        if (root != parameter)
        {
            return root is null
                ? "its body must be the parameter's property, like `x => x.Name`"
                : $"its body starts with {root}, not the parameter {parameter}";
        }

        if (!reader.Take('.'))
        {
            return "it selects the whole record, not one of its properties";
        }

        var name = reader.Identifier();
        if (name is null)
        {
            return "a property name must follow the dot";
        }

        if (reader.Peek() is '.' or '(' or '[' or '?')
        {
            return $"it goes past {name} (a nested property, a call or an index); select a property of the resource directly";
        }

        reader.Take('!');
        names.Add(name);
        return null;
    }

    /// <summary>A cursor over the text that skips whitespace and comments before every token.</summary>
    private ref struct Reader(string text)
    {
        private readonly string _text = text;
        private int _position;

        public bool AtEnd
        {
            get
            {
                SkipTrivia();
                return _position >= _text.Length;
            }
        }

        public char Peek()
        {
            SkipTrivia();
            return _position < _text.Length ? _text[_position] : '\0';
        }

        public bool Take(char c)
        {
            if (Peek() != c)
            {
                return false;
            }

            _position++;
            return true;
        }

        public void Skip()
        {
            if (!AtEnd)
            {
                _position++;
            }
        }

        public bool TakeArrow()
        {
            SkipTrivia();
            if (_position + 1 < _text.Length && _text[_position] == '=' && _text[_position + 1] == '>')
            {
                _position += 2;
                return true;
            }

            return false;
        }

        public string? PeekIdentifier()
        {
            var save = _position;
            var identifier = Identifier();
            _position = save;
            return identifier;
        }

        // An identifier, without the verbatim `@`.
        public string? Identifier()
        {
            SkipTrivia();
            var start = _position;
            if (start < _text.Length && _text[start] == '@')
            {
                start++;
            }

            if (start >= _text.Length || !(char.IsLetter(_text[start]) || _text[start] == '_'))
            {
                return null;
            }

            var end = start + 1;
            while (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_'))
            {
                end++;
            }

            _position = end;
            return _text[start..end];
        }

        // A cast's type: `object`, `object?`, `System.Object`, `List<int>`, `int[]`.
        public bool SkipType()
        {
            var depth = 0;
            var any = false;
            while (true)
            {
                var c = Peek();
                if (c == '\0' || (c == ')' && depth == 0))
                {
                    return any;
                }

                if (char.IsLetter(c) || c == '_' || c == '@')
                {
                    Identifier();
                    any = true;
                    continue;
                }

                if (c is '<' or '[')
                {
                    depth++;
                }
                else if (c is '>' or ']')
                {
                    depth--;
                }
                else if (c is not ('.' or '?' or ',' or ':'))
                {
                    return false;
                }

                _position++;
            }
        }

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (char.IsWhiteSpace(c))
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    var end = _text.IndexOf('\n', _position);
                    _position = end < 0 ? _text.Length : end + 1;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? _text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
