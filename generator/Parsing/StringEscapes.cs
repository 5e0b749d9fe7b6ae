using System.Globalization;
using System.Text;

namespace CrmGen.Generator.Parsing;

/// <summary>What went wrong while decoding one piece of a string literal.</summary>
internal enum StringDecodeProblem
{
    None,

    /// <summary><c>\q</c>: not one of the escapes of the language.</summary>
    InvalidEscape,

    /// <summary><c>\u</c> without four hexadecimal digits.</summary>
    InvalidUnicodeEscape,

    /// <summary>A backslash at the end of the line or text (the string is unterminated anyway).</summary>
    DanglingBackslash,

    /// <summary>A high surrogate without its low half, or a low surrogate alone.</summary>
    LoneSurrogate,
}

/// <summary>
/// Decodes the characters of a string literal one piece at a time: an escape
/// (<c>\" \\ \/ \n \r \t \uXXXX</c>), a surrogate pair, or a plain character. Shared by the lexer,
/// which reports the problems, and the interpolation parser, which decodes text parts again.
/// </summary>
internal static class StringEscapes
{
    /// <summary>
    /// Appends the decoded form of the piece at <paramref name="position"/> (which is before
    /// <paramref name="end"/>) and returns how many source characters it took. Invalid pieces are
    /// decoded leniently (the escaped character itself, or U+FFFD).
    /// </summary>
    public static int AppendDecoded(string text, int position, int end, StringBuilder builder, out StringDecodeProblem problem)
    {
        problem = StringDecodeProblem.None;
        var c = text[position];
        if (c == '\\') return AppendEscape(text, position, end, builder, out problem);
        if (char.IsHighSurrogate(c))
        {
            if (position + 1 < end && char.IsLowSurrogate(text[position + 1]))
            {
                builder.Append(c).Append(text[position + 1]);
                return 2;
            }
            problem = StringDecodeProblem.LoneSurrogate;
            builder.Append('\uFFFD');
            return 1;
        }
        if (char.IsLowSurrogate(c))
        {
            problem = StringDecodeProblem.LoneSurrogate;
            builder.Append('\uFFFD');
            return 1;
        }
        builder.Append(c);
        return 1;
    }

    private static int AppendEscape(string text, int position, int end, StringBuilder builder, out StringDecodeProblem problem)
    {
        problem = StringDecodeProblem.None;
        if (position + 1 >= end || CrmMapLexer.IsLineBreak(text[position + 1]))
        {
            problem = StringDecodeProblem.DanglingBackslash;
            builder.Append('\\');
            return 1;
        }
        var next = text[position + 1];
        switch (next)
        {
            case '"':
            case '\\':
            case '/':
                builder.Append(next);
                return 2;
            case 'n':
                builder.Append('\n');
                return 2;
            case 'r':
                builder.Append('\r');
                return 2;
            case 't':
                builder.Append('\t');
                return 2;
            case 'u':
            {
                var digits = 0;
                var value = 0;
                while (digits < 4 && position + 2 + digits < end)
                {
                    var h = HexValue(text[position + 2 + digits]);
                    if (h < 0) break;
                    value = (value << 4) | h;
                    digits++;
                }
                if (digits < 4)
                {
                    problem = StringDecodeProblem.InvalidUnicodeEscape;
                    builder.Append('\uFFFD');
                    return 2 + digits;
                }
                builder.Append((char)value);
                return 6;
            }
            default:
                problem = StringDecodeProblem.InvalidEscape;
                if (char.IsHighSurrogate(next) && position + 2 < end && char.IsLowSurrogate(text[position + 2]))
                {
                    builder.Append(next).Append(text[position + 2]);
                    return 3;
                }
                builder.Append(char.IsSurrogate(next) ? '\uFFFD' : next);
                return 2;
        }
    }

    private static int HexValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /// <summary>Describes one character for a message: <c>'é' (U+00E9)</c>, or just <c>U+0007</c> when it cannot be shown.</summary>
    public static string DescribeCharacter(string text, int position, int end)
    {
        var c = text[position];
        if (char.IsHighSurrogate(c) && position + 1 < end && char.IsLowSurrogate(text[position + 1]))
        {
            var codePoint = char.ConvertToUtf32(c, text[position + 1]);
            return "'" + text.Substring(position, 2) + "' (U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture) + ")";
        }
        var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        if (char.IsSurrogate(c)) return code + " (a lone surrogate)";
        var category = char.GetUnicodeCategory(c);
        if (char.IsControl(c) || char.IsWhiteSpace(c) || category == UnicodeCategory.Format
            || category == UnicodeCategory.OtherNotAssigned || category == UnicodeCategory.PrivateUse)
        {
            return code;
        }
        return "'" + c + "' (" + code + ")";
    }
}
