using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmGen.Generator.Emit;

/// <summary>C# spellings the emitter needs: literals, identifiers, qualified names, XML doc text.</summary>
internal static class CSharpText
{
    /// <summary>A C# string literal with every character escaped as needed.</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A C# UTF-8 string literal (<c>"name"u8</c>).</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>A name prefixed with <c>global::</c> unless it already is.</summary>
    public static string Global(string fullyQualifiedName)
        => fullyQualifiedName.StartsWith("global::", System.StringComparison.Ordinal) ? fullyQualifiedName : "global::" + fullyQualifiedName;

    /// <summary><c>snake_case</c> or <c>kebab-case</c> as <c>PascalCase</c>, keeping only identifier characters.</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c == '_' || c == '-' || c == ' ' || c == '.')
            {
                upper = true;
                continue;
            }
            if (!(char.IsLetterOrDigit(c))) continue;
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary><c>PascalCase</c> as <c>snake_case</c> (a fallback for wire names).</summary>
    public static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Text escaped for an XML documentation comment.</summary>
    public static string Xml(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");

    /// <summary>An invariant integer.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A numeric literal from source text, typed as requested: <c>long</c> (<c>12L</c>),
    /// <c>int</c>, <c>decimal</c> (<c>12.5m</c>) or <c>double</c> (<c>12.5d</c>). With no requested
    /// type, integral text becomes a <c>long</c> and other text a <c>decimal</c>.
    /// </summary>
    public static string Number(string text, string? csharpType, out string actualType)
    {
        switch (csharpType)
        {
            case "int" when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i):
                actualType = "int";
                return i.ToString(CultureInfo.InvariantCulture);
            case "long" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                actualType = "long";
                return l.ToString(CultureInfo.InvariantCulture) + "L";
            case "double" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                actualType = "double";
                return d.ToString("R", CultureInfo.InvariantCulture) + "d";
            case "decimal" when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m):
                actualType = "decimal";
                return m.ToString(CultureInfo.InvariantCulture) + "m";
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            actualType = "long";
            return whole.ToString(CultureInfo.InvariantCulture) + "L";
        }
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dec))
        {
            actualType = "decimal";
            return dec.ToString(CultureInfo.InvariantCulture) + "m";
        }
        actualType = "double";
        var dbl = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0d;
        return dbl.ToString("R", CultureInfo.InvariantCulture) + "d";
    }
}
