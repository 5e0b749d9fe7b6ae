using System.Collections.Generic;
using System.Text;

namespace CrmGen.Generator.Emit;

/// <summary>
/// The key patterns of catch-alls (<c>* matching "…"</c>) one generated class uses: one static
/// readonly <c>Regex</c> field per distinct pattern, named in order of first use. The regexes are
/// culture-invariant and run without backtracking, so matching a key takes time linear in its
/// length whatever the pattern.
/// </summary>
internal sealed class KeyPatternFields
{
    private const string Regex = "global::System.Text.RegularExpressions.Regex";
    private const string Options = "global::System.Text.RegularExpressions.RegexOptions";

    private readonly List<string> _patterns = new();

    /// <summary>The name of the field that holds <paramref name="pattern"/>, declared on first use.</summary>
    public string FieldFor(string pattern)
    {
        var index = _patterns.IndexOf(pattern);
        if (index < 0)
        {
            index = _patterns.Count;
            _patterns.Add(pattern);
        }
        return Name(index);
    }

    /// <summary>
    /// The test, on a reader that is on a property name, that <paramref name="pattern"/> matches
    /// the name, without allocating: a prefix (<c>^custom\.</c>), suffix (<c>__c$</c>) or
    /// unanchored literal is compared as UTF-8 bytes; any other pattern runs the regex over the
    /// name transcoded on the stack. Escaped names always go to the regex.
    /// </summary>
    public string Condition(string pattern)
    {
        const string Reader = "global::CrmGen.Mapping.CrmJsonReader.";
        var field = FieldFor(pattern);
        return TryLiteral(pattern, out var literal, out var anchoredStart, out var anchoredEnd) && !(anchoredStart && anchoredEnd)
            ? Reader + (anchoredStart ? "PropertyNameStartsWith" : anchoredEnd ? "PropertyNameEndsWith" : "PropertyNameContains")
                + "(ref reader, " + CSharpText.Utf8(literal) + ", " + field + ")"
            : Reader + "PropertyNameMatches(ref reader, " + field + ")";
    }

    /// <summary>
    /// Whether <paramref name="pattern"/> is a literal, optionally anchored with a leading <c>^</c>
    /// and a trailing <c>$</c>: no metacharacter except escaped punctuation (<c>\.</c> is a dot).
    /// </summary>
    internal static bool TryLiteral(string pattern, out string literal, out bool anchoredStart, out bool anchoredEnd)
    {
        literal = "";
        anchoredStart = pattern.StartsWith("^", System.StringComparison.Ordinal);
        var end = pattern.Length;
        anchoredEnd = false;
        if (end > 0 && pattern[end - 1] == '$')
        {
            // An escaped '$' is a literal dollar: count the backslashes before it.
            var backslashes = 0;
            for (var i = end - 2; i >= 0 && pattern[i] == '\\'; i--) backslashes++;
            if (backslashes % 2 == 0)
            {
                anchoredEnd = true;
                end--;
            }
        }
        var text = new StringBuilder();
        for (var i = anchoredStart ? 1 : 0; i < end; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= end) return false;
                var escaped = pattern[++i];
                // Only escaped punctuation is itself; \d, \w, \b, \n… are classes, anchors or controls.
                if (char.IsLetterOrDigit(escaped) || escaped == '_' || escaped > 127) return false;
                text.Append(escaped);
            }
            else if ("^$.|?*+()[]{}#".IndexOf(c) >= 0 || char.IsWhiteSpace(c))
            {
                return false;
            }
            else
            {
                text.Append(c);
            }
        }
        literal = text.ToString();
        return literal.Length > 0;
    }

    /// <summary>The field declarations, in order of first use.</summary>
    public IEnumerable<string> Declarations
    {
        get
        {
            for (var i = 0; i < _patterns.Count; i++)
            {
                yield return "private static readonly " + Regex + " " + Name(i) + " = new " + Regex + "("
                    + CSharpText.String(_patterns[i]) + ", " + Options + ".CultureInvariant | " + Options + ".NonBacktracking);";
            }
        }
    }

    private static string Name(int index) => "s_keyPattern" + CSharpText.Int(index);
}
