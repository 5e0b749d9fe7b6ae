using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Checks the key pattern of a catch-all (<c>* matching "…"</c>) the way the generated code
/// builds it: a .NET regular expression, culture-invariant, run without backtracking.
/// </summary>
internal static class KeyPattern
{
    /// <summary><c>RegexOptions.NonBacktracking</c>, which netstandard2.0 does not name.</summary>
    private const RegexOptions NonBacktracking = (RegexOptions)1024;

    private static readonly bool s_hostHasNonBacktracking = Enum.IsDefined(typeof(RegexOptions), NonBacktracking);

    /// <summary>Why <paramref name="pattern"/> cannot be a key pattern, or null when it can.</summary>
    public static string? Problem(string pattern)
    {
        if (pattern.IndexOf("{{", StringComparison.Ordinal) >= 0 || pattern.IndexOf("}}", StringComparison.Ordinal) >= 0)
        {
            return "a pattern is not interpolated, so '{{' and '}}' are two braces each; write a count as '{40}' and a literal brace as '\\\\{'";
        }
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException exception)
        {
            return Reason(exception.Message, pattern);
        }
        if (!s_hostHasNonBacktracking) return null;
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant | NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return "it needs backtracking (a backreference, a lookaround, an atomic group or a conditional), and key patterns run without it so that no key can make them slow";
        }
        catch (ArgumentException exception)
        {
            return Reason(exception.Message, pattern);
        }
        return null;
    }

    /// <summary>
    /// The regex parser's reason, without the "Invalid pattern '…' at offset N." preamble that
    /// repeats the pattern (the offset is kept, as a character position).
    /// </summary>
    private static string Reason(string message, string pattern)
    {
        var preamble = "Invalid pattern '" + pattern + "' at offset ";
        if (message.StartsWith(preamble, StringComparison.Ordinal))
        {
            var rest = message.Substring(preamble.Length);
            var digits = 0;
            while (digits < rest.Length && rest[digits] >= '0' && rest[digits] <= '9') digits++;
            if (digits > 0 && rest.Length > digits + 2 && rest[digits] == '.' && rest[digits + 1] == ' '
                && int.TryParse(rest.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                var reason = rest.Substring(digits + 2).TrimEnd('.');
                return reason + " (at character " + offset.ToString(CultureInfo.InvariantCulture) + " of the pattern)";
            }
        }
        return message.TrimEnd('.');
    }
}
