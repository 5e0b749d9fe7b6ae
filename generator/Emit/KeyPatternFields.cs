using System.Collections.Generic;

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
