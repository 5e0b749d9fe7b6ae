using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Parsing;

/// <summary>
/// Turns .crmmap text into tokens in one forward pass. Comments and whitespace are skipped;
/// each token records whether it is the first on its line, which the parser uses to recover
/// from errors. Invalid tokens (unterminated strings and comments, bad escapes, characters
/// outside the language) are reported as CRM0002 and still produce a token, so the parser
/// can go on.
/// </summary>
internal sealed class CrmMapLexer
{
    private readonly string _text;
    private readonly int _end;
    private readonly SyntaxDiagnosticSink _sink;
    private readonly bool _isHole;
    private readonly string?[] _names;
    private StringBuilder? _builder;
    private int _position;
    private bool _atLineStart;

    private CrmMapLexer(string text, int start, int end, SyntaxDiagnosticSink sink, bool isHole)
    {
        _text = text;
        _position = start;
        _end = end;
        _sink = sink;
        _isHole = isHole;
        _atLineStart = !isHole;
        _names = new string?[isHole ? 4 : 64];
    }

    /// <summary>
    /// Lexes <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>. The array
    /// always ends with one <see cref="TokenKind.EndOfFile"/> token at <paramref name="end"/>.
    /// For an interpolation hole (<paramref name="isHole"/>) no token is at a line start.
    /// </summary>
    public static Token[] Tokenize(string text, int start, int end, SyntaxDiagnosticSink sink, bool isHole, CancellationToken cancellationToken)
    {
        var lexer = new CrmMapLexer(text, start, end, sink, isHole);
        var tokens = new Token[isHole ? 4 : 16 + ((end - start) / 6)];
        var count = 0;
        while (true)
        {
            if ((count & 1023) == 1023) cancellationToken.ThrowIfCancellationRequested();
            lexer.SkipTrivia();
            if (count == tokens.Length) System.Array.Resize(ref tokens, tokens.Length * 2);
            if (lexer._position >= lexer._end)
            {
                tokens[count++] = new Token(TokenKind.EndOfFile, lexer._end, 0, string.Empty, lexer.TakeLineStartFlag());
                if (count != tokens.Length) System.Array.Resize(ref tokens, count);
                return tokens;
            }
            tokens[count++] = lexer.ScanToken();
        }
    }

    public static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';

    public static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsPrintableAscii(char c) => c >= '!' && c <= '~';

    /// <summary>A character that starts no token, is no whitespace and is not printable ASCII.</summary>
    private static bool IsInvalidCharacter(char c) => !IsPrintableAscii(c) && c != ' ' && c != '\t' && !IsLineBreak(c);

    private TokenFlags TakeLineStartFlag()
    {
        var flags = _atLineStart ? TokenFlags.AtLineStart : TokenFlags.None;
        _atLineStart = false;
        return flags;
    }

    private void SkipTrivia()
    {
        var text = _text;
        while (_position < _end)
        {
            var c = text[_position];
            if (c == ' ' || c == '\t')
            {
                _position++;
                while (_position < _end && text[_position] == ' ') _position++;
            }
            else if (IsLineBreak(c))
            {
                _position++;
                if (!_isHole) _atLineStart = true;
            }
            else if (c == '\uFEFF' && _position == 0)
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _end && text[_position + 1] == '/')
            {
                _position += 2;
                while (_position < _end && !IsLineBreak(text[_position])) _position++;
            }
            else if (c == '/' && _position + 1 < _end && text[_position + 1] == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var start = _position;
        _position += 2;
        var text = _text;
        while (_position < _end)
        {
            var c = text[_position];
            if (c == '*' && _position + 1 < _end && text[_position + 1] == '/')
            {
                _position += 2;
                return;
            }
            if (IsLineBreak(c) && !_isHole) _atLineStart = true;
            _position++;
        }
        _sink.InvalidToken(new TextSpan(start, 2), "Unterminated comment: '/*' has no closing '*/'");
    }

    private Token ScanToken()
    {
        var text = _text;
        var start = _position;
        var flags = TakeLineStartFlag();
        var c = text[start];

        if (IsIdentifierStart(c))
        {
            var p = start + 1;
            while (p < _end)
            {
                var d = text[p];
                if ((uint)((d | 0x20) - 'a') <= 'z' - 'a' || (uint)(d - '0') <= 9 || d == '_') p++;
                else break;
            }
            _position = p;
            return new Token(TokenKind.Identifier, start, p - start, Name(start, p - start), flags);
        }
        if (IsDigit(c)) return ScanNumber(start, flags);
        if (c == '"') return ScanString(start, flags);

        var next = start + 1 < _end ? text[start + 1] : '\0';
        switch (c)
        {
            case '{': return Punctuation(TokenKind.OpenBrace, start, 1, "{", flags);
            case '}': return Punctuation(TokenKind.CloseBrace, start, 1, "}", flags);
            case '(': return Punctuation(TokenKind.OpenParen, start, 1, "(", flags);
            case ')': return Punctuation(TokenKind.CloseParen, start, 1, ")", flags);
            case '[': return Punctuation(TokenKind.OpenBracket, start, 1, "[", flags);
            case ']': return Punctuation(TokenKind.CloseBracket, start, 1, "]", flags);
            case ',': return Punctuation(TokenKind.Comma, start, 1, ",", flags);
            case '.': return Punctuation(TokenKind.Dot, start, 1, ".", flags);
            case '*': return Punctuation(TokenKind.Star, start, 1, "*", flags);
            case '$':
                return next == '$'
                    ? Punctuation(TokenKind.DollarDollar, start, 2, "$$", flags)
                    : Punctuation(TokenKind.Dollar, start, 1, "$", flags);
            case '@': return Punctuation(TokenKind.At, start, 1, "@", flags);
            case '<':
                if (next == '-')
                {
                    return start + 2 < _end && text[start + 2] == '>'
                        ? Punctuation(TokenKind.TwoWayArrow, start, 3, "<->", flags)
                        : Punctuation(TokenKind.LeftArrow, start, 2, "<-", flags);
                }
                break;
            case '-':
                if (next == '>') return Punctuation(TokenKind.RightArrow, start, 2, "->", flags);
                if (IsDigit(next)) return ScanNumber(start, flags);
                break;
            case '?':
                if (next == '?') return Punctuation(TokenKind.QuestionQuestion, start, 2, "??", flags);
                break;
            case '|':
                if (next == '|') return Punctuation(TokenKind.BarBar, start, 2, "||", flags);
                break;
            case '&':
                if (next == '&') return Punctuation(TokenKind.AmpersandAmpersand, start, 2, "&&", flags);
                break;
            case '=':
                if (next == '=') return Punctuation(TokenKind.EqualsEquals, start, 2, "==", flags);
                break;
            case '!':
                return next == '='
                    ? Punctuation(TokenKind.BangEquals, start, 2, "!=", flags)
                    : Punctuation(TokenKind.Bang, start, 1, "!", flags);
        }

        if (IsPrintableAscii(c))
        {
            // '=', ':', '#', a lone '<' or '-' …: the parser reports it where it stands, with what it expected.
            _position = start + 1;
            return new Token(TokenKind.Unknown, start, 1, text.Substring(start, 1), flags);
        }
        return ScanInvalidRun(start, flags);
    }

    /// <summary>The text of an identifier; names repeat a lot in a file, so recent ones are reused.</summary>
    private string Name(int start, int length)
    {
        var text = _text;
        var slot = ((text[start] * 31) + text[start + length - 1] + (length * 7)) & (_names.Length - 1);
        var cached = _names[slot];
        if (cached is not null && cached.Length == length && string.CompareOrdinal(cached, 0, text, start, length) == 0) return cached;
        var name = text.Substring(start, length);
        _names[slot] = name;
        return name;
    }

    private Token Punctuation(TokenKind kind, int start, int length, string spelling, TokenFlags flags)
    {
        _position = start + length;
        return new Token(kind, start, length, spelling, flags);
    }

    private Token ScanNumber(int start, TokenFlags flags)
    {
        var text = _text;
        var p = start;
        if (text[p] == '-') p++;
        while (p < _end && IsDigit(text[p])) p++;
        if (p + 1 < _end && text[p] == '.' && IsDigit(text[p + 1]))
        {
            p++;
            while (p < _end && IsDigit(text[p])) p++;
        }
        _position = p;
        return new Token(TokenKind.Number, start, p - start, text.Substring(start, p - start), flags);
    }

    private Token ScanInvalidRun(int start, TokenFlags flags)
    {
        var text = _text;
        var p = start;
        var onlyLoneSurrogates = true;
        while (p < _end && IsInvalidCharacter(text[p]))
        {
            var c = text[p];
            if (char.IsHighSurrogate(c) && p + 1 < _end && char.IsLowSurrogate(text[p + 1]))
            {
                onlyLoneSurrogates = false;
                p += 2;
                continue;
            }
            if (!char.IsSurrogate(c)) onlyLoneSurrogates = false;
            p++;
        }
        _position = p;
        // Inside a hole, lone surrogates were already reported by the enclosing string.
        if (!(_isHole && onlyLoneSurrogates))
        {
            var span = new TextSpan(start, p - start);
            var first = StringEscapes.DescribeCharacter(text, start, _end);
            var firstLength = char.IsHighSurrogate(text[start]) && start + 1 < p && char.IsLowSurrogate(text[start + 1]) ? 2 : 1;
            var message = p - start == firstLength
                ? "Unexpected character " + first
                : "Unexpected characters starting with " + first;
            _sink.InvalidToken(span, message);
        }
        return new Token(TokenKind.Unknown, start, p - start, text.Substring(start, p - start), flags | TokenFlags.Reported);
    }

    private Token ScanString(int start, TokenFlags flags)
    {
        var text = _text;
        var p = start + 1;
        var contentStart = p;
        var simple = true;
        var terminated = false;
        var builder = _builder ??= new StringBuilder();
        builder.Clear();

        while (p < _end)
        {
            var c = text[p];
            if (c == '"')
            {
                terminated = true;
                break;
            }
            if (IsLineBreak(c)) break;
            if (c != '\\' && !char.IsSurrogate(c))
            {
                if (!simple) builder.Append(c);
                p++;
                continue;
            }
            if (simple)
            {
                builder.Append(text, contentStart, p - contentStart);
                simple = false;
            }
            var length = StringEscapes.AppendDecoded(text, p, _end, builder, out var problem);
            switch (problem)
            {
                case StringDecodeProblem.InvalidEscape:
                    _sink.InvalidToken(new TextSpan(p, length),
                        "Invalid escape sequence '" + text.Substring(p, length) + "' in string; the escapes are \\\" \\\\ \\/ \\n \\r \\t and \\uXXXX");
                    break;
                case StringDecodeProblem.InvalidUnicodeEscape:
                    _sink.InvalidToken(new TextSpan(p, length),
                        "Invalid escape sequence '" + text.Substring(p, length) + "' in string; \\u takes four hexadecimal digits");
                    break;
                case StringDecodeProblem.LoneSurrogate:
                    _sink.InvalidToken(new TextSpan(p, length),
                        "Invalid character " + StringEscapes.DescribeCharacter(text, p, _end) + " in string");
                    break;
            }
            p += length;
        }

        var contentEnd = p;
        if (terminated)
        {
            p++;
        }
        else
        {
            flags |= TokenFlags.Unterminated | TokenFlags.Reported;
            _sink.InvalidToken(new TextSpan(start, p - start), "Unterminated string: add the closing '\"' before the end of the line");
        }
        _position = p;
        var value = simple ? text.Substring(contentStart, contentEnd - contentStart) : builder.ToString();
        return new Token(TokenKind.String, start, p - start, value, flags);
    }
}
