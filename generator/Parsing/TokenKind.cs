namespace CrmGen.Generator.Parsing;

/// <summary>The kinds of token of the .crmmap language. Keywords are identifiers in context.</summary>
internal enum TokenKind : byte
{
    /// <summary>The end of the text (or, inside an interpolation hole, the hole's closing brace).</summary>
    EndOfFile,

    /// <summary><c>[A-Za-z_][A-Za-z0-9_]*</c>; also every keyword.</summary>
    Identifier,

    /// <summary><c>"…"</c>; the token's value is the text with escapes decoded.</summary>
    String,

    /// <summary><c>-?[0-9]+(\.[0-9]+)?</c>; the token's value is its source text.</summary>
    Number,

    /// <summary><c>{</c></summary>
    OpenBrace,

    /// <summary><c>}</c></summary>
    CloseBrace,

    /// <summary><c>(</c></summary>
    OpenParen,

    /// <summary><c>)</c></summary>
    CloseParen,

    /// <summary><c>[</c></summary>
    OpenBracket,

    /// <summary><c>]</c></summary>
    CloseBracket,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>.</c></summary>
    Dot,

    /// <summary><c>*</c></summary>
    Star,

    /// <summary><c>$</c></summary>
    Dollar,

    /// <summary><c>$$</c>: the record a read or write block maps.</summary>
    DollarDollar,

    /// <summary><c>@</c></summary>
    At,

    /// <summary><c>&lt;-</c></summary>
    LeftArrow,

    /// <summary><c>&lt;-&gt;</c></summary>
    TwoWayArrow,

    /// <summary><c>-&gt;</c></summary>
    RightArrow,

    /// <summary><c>??</c></summary>
    QuestionQuestion,

    /// <summary><c>||</c></summary>
    BarBar,

    /// <summary><c>&amp;&amp;</c></summary>
    AmpersandAmpersand,

    /// <summary><c>==</c></summary>
    EqualsEquals,

    /// <summary><c>!=</c></summary>
    BangEquals,

    /// <summary><c>!</c></summary>
    Bang,

    /// <summary>
    /// A character the language does not use. A printable ASCII character (<c>=</c>, <c>:</c>,
    /// <c>#</c>…) is left for the parser to report as a syntax error where it stands; any other
    /// run of characters (control, non-ASCII, lone surrogates) is reported by the lexer.
    /// </summary>
    Unknown,
}
