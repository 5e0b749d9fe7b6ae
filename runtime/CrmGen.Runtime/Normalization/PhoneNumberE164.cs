using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmGen;

/// <summary>
/// Formats phone numbers written in common ways as E.164 (<c>+</c>, country calling code,
/// national number: at most 15 digits). No numbering-plan tables and no external service: the
/// parser accepts what is unambiguous from the text itself.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>Separators are dropped: spaces (also no-break), <c>-</c>, <c>.</c>, <c>/</c>, parentheses, and dashes such as <c>‑</c> and <c>–</c>.</description></item>
/// <item><description>International form: a leading <c>+</c>, or the prefix <c>00</c>, or <c>011</c> when the default calling code is 1.
/// A trunk prefix written as <c>(0)</c> after the country code is dropped: <c>+44 (0)20 7946 0958</c> → <c>+442079460958</c>.</description></item>
/// <item><description>National form, only with a default calling code: for 1 (North America) ten digits, or eleven starting with 1;
/// for other codes one leading trunk <c>0</c> is dropped (kept for Italy, 39, where it belongs to the number).</description></item>
/// <item><description>An extension at the end (<c>x123</c>, <c>ext. 123</c>, <c>extension 123</c>, <c>#123</c>, <c>;ext=123</c>) is split off.</description></item>
/// <item><description>The result has 7 to 15 digits and does not start with 0; for calling code 1, eleven digits with an area code starting 2–9.
/// Letters (<c>1-800-FLOWERS</c>), other characters or text longer than 64 characters make a number unparseable.</description></item>
/// </list>
/// </remarks>
public static partial class PhoneNumberE164
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15;
    private const int MaxTextLength = 64;

    /// <summary>Formats <paramref name="text"/> as E.164.</summary>
    /// <param name="text">The number as written.</param>
    /// <param name="defaultCallingCode">The calling code of numbers written in national form, or null to accept international forms only.</param>
    /// <param name="e164">The number, e.g. <c>+14155552671</c>; empty when it does not parse.</param>
    /// <param name="extension">The extension's digits, if the text ended with one.</param>
    /// <returns>True when the text is a number in a form the parser accepts.</returns>
    public static bool TryFormat(string? text, int? defaultCallingCode, out string e164, out string? extension)
    {
        e164 = "";
        extension = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength) return false;

        var main = text.Trim();
        string? ext = null;
        var match = ExtensionPattern().Match(main);
        if (match.Success)
        {
            main = match.Groups["main"].Value;
            ext = match.Groups["ext"].Value;
        }
        if (main.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) main = main[4..];

        Span<char> digits = stackalloc char[MaxDigits + 8];
        var count = 0;
        var plus = false;
        var i = 0;
        while (i < main.Length && IsSeparator(main[i]) && main[i] != '(') i++;
        if (i < main.Length && main[i] == '+')
        {
            plus = true;
            i++;
        }
        for (; i < main.Length; i++)
        {
            var c = main[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length) return false;
                digits[count++] = c;
            }
            else if (c == '(' && plus && count > 0 && main.AsSpan(i).StartsWith("(0)", StringComparison.Ordinal))
            {
                i += 2;
            }
            else if (!IsSeparator(c))
            {
                return false;
            }
        }

        ReadOnlySpan<char> number = digits[..count];
        string result;
        if (plus)
        {
            result = number.ToString();
        }
        else if (number.StartsWith("00"))
        {
            result = number[2..].ToString();
        }
        else if (defaultCallingCode == 1 && number.StartsWith("011"))
        {
            result = number[3..].ToString();
        }
        else if (defaultCallingCode is { } code)
        {
            if (code == 1)
            {
                if (number.Length == 11 && number[0] == '1') number = number[1..];
                if (number.Length != 10) return false;
            }
            else if (code != 39 && number.Length > 0 && number[0] == '0')
            {
                number = number[1..];
            }
            result = code.ToString(CultureInfo.InvariantCulture) + number.ToString();
        }
        else
        {
            return false;
        }

        if (result.Length < MinDigits || result.Length > MaxDigits || result[0] == '0') return false;
        if (result[0] == '1' && (result.Length != 11 || result[1] < '2')) return false;

        e164 = "+" + result;
        extension = ext;
        return true;
    }

    /// <summary>The E.164 form of <paramref name="text"/>, or null when it does not parse or carries an extension.</summary>
    public static string? Format(string? text, int? defaultCallingCode = null)
        => TryFormat(text, defaultCallingCode, out var e164, out var extension) && extension is null ? e164 : null;

    private static bool IsSeparator(char c)
        => c is ' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\t';

    [GeneratedRegex(@"^(?<main>.+?)\s*[,;]?\s*(?:extension|ext\.?|x|#)\s*[:=.]?\s*(?<ext>\d{1,8})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ExtensionPattern();
}
