using System.Text;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary>
/// A deterministic corpus of broken and odd .crmmap texts for robustness tests of every stage that
/// reads .crmmap text (parser, binder, generator): mutations of the valid examples (tokens deleted,
/// duplicated, swapped or replaced; punctuation, keywords and odd Unicode inserted; truncation),
/// random token soup, random characters, and stress shapes (deep nesting, long chains,
/// unterminated constructs). The same count and seed always give the same texts.
/// </summary>
public static class CrmMapFuzzCorpus
{
    private static readonly string[] Vocabulary =
    {
        "provider", "display_name", "base_url", "auth", "header", "context", "required", "errors", "enum",
        "resource", "list", "get", "create", "update", "delete", "action", "GET", "POST", "PUT", "PATCH",
        "DELETE", "requires", "path", "query", "read", "write", "map", "from", "if", "then", "else", "as",
        "via", "each", "true", "false", "null", "datetime", "split", "credentials", "context", "x", "_a1",
        "{", "}", "(", ")", "[", "]", ",", ".", "*", "$", "$$", "@", "<-", "<->", "->", "??", "||", "&&", "==",
        "!=", "!", "=", ":", ";", "#", "<", "-", "?", "|", "&", "/", "\\", "'", "`", "~", "%", "+", ">",
        "\"s\"", "\"{x}\"", "\"{{\"", "\"}\"", "\"{\"", "\"\\q\"", "\"\\u12\"", "\"open", "0", "-1", "1.5",
        "99999999999999999999", "// c", "/* c */", "/*", "\n", "\r\n", "\t", " ",
    };

    private static readonly string[] OddText =
    {
        "\u00e9", "\u65e5\u672c", "\uD800", "\uDFFF", "\uD83D\uDE00", "\u0000", "\u0007", "\u00A0", "\u2028",
        "\u2029", "\u0085", "\uFEFF", "\u200B", "\u202E", "\r", "\"", "\\", "{", "}", "\\u", "\uFFFF",
    };

    /// <summary>Yields <paramref name="count"/> texts; the same <paramref name="seed"/> gives the same sequence.</summary>
    public static IEnumerable<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var seeds = CrmMapExamples.All.Concat(CrmMapExamples.Small).Select(e => e.Text).ToArray();
        var tokenized = seeds.Select(Tokenize).ToArray();
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(100);
            var source = random.Next(seeds.Length);
            if (pick < 4) yield return seeds[source];
            else if (pick < 54) yield return MutateTokens(tokenized[source], random);
            else if (pick < 68) yield return MutateCharacters(seeds[source], random);
            else if (pick < 78) yield return Truncate(seeds[source], random);
            else if (pick < 88) yield return TokenSoup(random);
            else if (pick < 93) yield return RandomCharacters(random);
            else yield return Stress(random);
        }
    }

    /// <summary>
    /// Splits text into lexical pieces (whitespace, comments, strings, words, operators, single
    /// characters) whose concatenation is the text. Good enough to mutate at token boundaries.
    /// </summary>
    public static List<string> Tokenize(string text)
    {
        var pieces = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n')
                {
                    if (text[i] == '\\') i++;
                    i++;
                }
                i = Math.Min(text.Length, i + 1);
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '_' || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))) i++;
            }
            else if (string.CompareOrdinal(text, i, "<->", 0, 3) == 0)
            {
                i += 3;
            }
            else if (i + 1 < text.Length && IsTwoCharOperator(c, text[i + 1]))
            {
                i += 2;
            }
            else
            {
                i++;
            }
            pieces.Add(text.Substring(start, i - start));
        }
        return pieces;
    }

    private static bool IsTwoCharOperator(char a, char b)
        => (a, b) is ('<', '-') or ('-', '>') or ('?', '?') or ('|', '|') or ('&', '&') or ('=', '=') or ('!', '=');

    private static string MutateTokens(List<string> tokens, Random random)
    {
        var list = new List<string>(tokens);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations && list.Count > 0; m++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(6))
            {
                case 0:
                    list.RemoveAt(at);
                    break;
                case 1:
                    list.Insert(at, list[at]);
                    break;
                case 2:
                {
                    var other = random.Next(list.Count);
                    (list[at], list[other]) = (list[other], list[at]);
                    break;
                }
                case 3:
                    list.Insert(at, " " + Vocabulary[random.Next(Vocabulary.Length)] + " ");
                    break;
                case 4:
                    list[at] = Vocabulary[random.Next(Vocabulary.Length)];
                    break;
                default:
                    list.Insert(at, OddText[random.Next(OddText.Length)]);
                    break;
            }
        }
        return string.Concat(list);
    }

    private static string MutateCharacters(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var mutations = 1 + random.Next(6);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(4))
            {
                case 0 when at < builder.Length:
                    builder.Remove(at, 1);
                    break;
                case 1:
                    builder.Insert(at, OddText[random.Next(OddText.Length)]);
                    break;
                case 2 when at < builder.Length:
                    builder[at] = (char)random.Next(0x20, 0x7F);
                    break;
                default:
                    builder.Insert(at, (char)random.Next(0, 0x10000));
                    break;
            }
        }
        return builder.ToString();
    }

    private static string Truncate(string text, Random random)
    {
        var cut = text.Substring(0, random.Next(text.Length + 1));
        return random.Next(3) == 0 ? cut + Vocabulary[random.Next(Vocabulary.Length)] : cut;
    }

    private static string TokenSoup(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(1, 200);
        if (random.Next(2) == 0) builder.Append("provider p { ");
        for (var i = 0; i < length; i++)
        {
            builder.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            builder.Append(random.Next(5) == 0 ? "\n" : " ");
        }
        return builder.ToString();
    }

    private static string RandomCharacters(Random random)
    {
        var length = random.Next(0, 400);
        var chars = new char[length];
        var asciiOnly = random.Next(2) == 0;
        for (var i = 0; i < length; i++) chars[i] = asciiOnly ? (char)random.Next(0, 0x80) : (char)random.Next(0, 0x10000);
        return new string(chars);
    }

    private static string Stress(Random random)
    {
        var depth = random.Next(50, 700);
        const string prefix = "provider p { resource r { get GET \"/x\" { read { a <- ";
        const string suffix = " } } } }";
        string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));
        return random.Next(12) switch
        {
            0 => prefix + Repeat("(", depth) + "x" + Repeat(")", depth) + suffix,
            1 => prefix + Repeat("[", depth) + "x" + suffix,
            2 => prefix + Repeat("{ k <- ", depth) + "x" + Repeat("}", random.Next(depth)) + suffix,
            3 => prefix + Repeat("!", depth) + "x" + suffix,
            4 => prefix + "x" + Repeat(" each y", depth) + suffix,
            5 => prefix + Repeat("if a then ", depth) + "x" + suffix,
            6 => prefix + "x" + Repeat(" ?? y as int", depth) + suffix,
            7 => prefix + "\"" + Repeat("{a}{{", depth) + suffix,
            8 => Repeat("provider p { ", depth),
            9 => prefix + "a" + Repeat(".b[0]", depth) + suffix,
            10 => prefix + Repeat("f(", depth) + Repeat(")", depth / 2) + suffix,
            _ => Repeat("/* ", depth) + Repeat("}", depth),
        };
    }
}
