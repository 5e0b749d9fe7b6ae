using System;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Parsing;

/// <summary>Facts about a token beyond its kind and text.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>The token is the first token on its line.</summary>
    AtLineStart = 1,

    /// <summary>The lexer already reported an error for this token; the parser does not add another.</summary>
    Reported = 2,

    /// <summary>A string token without its closing quote.</summary>
    Unterminated = 4,
}

/// <summary>One token: its kind, its extent in the file and its value.</summary>
internal readonly struct Token
{
    public Token(TokenKind kind, int start, int length, string value, TokenFlags flags)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Value = value;
        Flags = flags;
    }

    public TokenKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    /// <summary>
    /// Identifiers, numbers and unknown characters: the source text. Strings: the text between
    /// the quotes with escapes decoded (braces are left as written). Punctuation: its spelling.
    /// </summary>
    public string Value { get; }

    public TokenFlags Flags { get; }

    public bool IsAtLineStart => (Flags & TokenFlags.AtLineStart) != 0;

    public bool IsReported => (Flags & TokenFlags.Reported) != 0;

    public bool IsUnterminated => (Flags & TokenFlags.Unterminated) != 0;

    /// <summary>True for the identifier <paramref name="text"/> (ordinal, case-sensitive).</summary>
    public bool IsIdentifier(string text) => Kind == TokenKind.Identifier && string.Equals(Value, text, StringComparison.Ordinal);

    public override string ToString() => Kind + " '" + Value + "' @" + Start.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
