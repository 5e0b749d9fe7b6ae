using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Parsing;

namespace CrmGen.Generator.Tests.Parsing;

public class CrmMapLexerTests
{
    private static (Token[] Tokens, SyntaxDiagnosticSink Sink) Lex(string text)
    {
        var sink = new SyntaxDiagnosticSink("t.crmmap", LineMap.FromText(text));
        var tokens = CrmMapLexer.Tokenize(text, 0, text.Length, sink, isHole: false, CancellationToken.None);
        return (tokens, sink);
    }

    private static Token[] LexValid(string text)
    {
        var (tokens, sink) = Lex(text);
        Assert.Equal(0, sink.Count);
        return tokens;
    }

    private static TokenKind[] Kinds(string text) => LexValid(text).Select(t => t.Kind).ToArray();

    [Fact]
    public void Every_punctuation_mark_is_one_token()
    {
        Assert.Equal(
            new[]
            {
                TokenKind.OpenBrace, TokenKind.CloseBrace, TokenKind.OpenParen, TokenKind.CloseParen,
                TokenKind.OpenBracket, TokenKind.CloseBracket, TokenKind.Comma, TokenKind.Dot, TokenKind.Star,
                TokenKind.Dollar, TokenKind.At, TokenKind.LeftArrow, TokenKind.TwoWayArrow, TokenKind.RightArrow,
                TokenKind.QuestionQuestion, TokenKind.BarBar, TokenKind.AmpersandAmpersand, TokenKind.EqualsEquals,
                TokenKind.BangEquals, TokenKind.Bang, TokenKind.EndOfFile,
            },
            Kinds("{ } ( ) [ ] , . * $ @ <- <-> -> ?? || && == != !"));
    }

    [Fact]
    public void Operators_are_taken_greedily_without_spaces()
    {
        Assert.Equal(
            new[] { TokenKind.Identifier, TokenKind.LeftArrow, TokenKind.Number, TokenKind.EndOfFile },
            Kinds("a<-5"));
        Assert.Equal(
            new[] { TokenKind.Identifier, TokenKind.TwoWayArrow, TokenKind.Identifier, TokenKind.EndOfFile },
            Kinds("a<->b"));
        Assert.Equal(
            new[] { TokenKind.Identifier, TokenKind.LeftArrow, TokenKind.Number, TokenKind.EndOfFile },
            Kinds("a<--5"));
        Assert.Equal(
            new[] { TokenKind.String, TokenKind.RightArrow, TokenKind.String, TokenKind.EndOfFile },
            Kinds("\"a\"->\"b\""));
        Assert.Equal(
            new[] { TokenKind.Bang, TokenKind.Bang, TokenKind.Identifier, TokenKind.BangEquals, TokenKind.Identifier, TokenKind.EndOfFile },
            Kinds("!!a!=b"));
    }

    [Fact]
    public void Identifiers_follow_the_ascii_rule_and_keep_their_text()
    {
        var tokens = LexValid("_a1 first_name B2b read");
        Assert.Equal(new[] { "_a1", "first_name", "B2b", "read" }, tokens.Take(4).Select(t => t.Value));
        Assert.All(tokens.Take(4), t => Assert.Equal(TokenKind.Identifier, t.Kind));
        Assert.True(tokens[3].IsIdentifier("read"));
        Assert.False(tokens[3].IsIdentifier("READ"));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("12.5", "12.5")]
    [InlineData("-3", "-3")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("007", "007")]
    public void Numbers_keep_their_source_text(string text, string value)
    {
        var tokens = LexValid(text);
        Assert.Equal(TokenKind.Number, tokens[0].Kind);
        Assert.Equal(value, tokens[0].Value);
        Assert.Equal(text.Length, tokens[0].Length);
    }

    [Fact]
    public void A_dot_without_digits_after_a_number_is_a_dot()
    {
        var tokens = LexValid("1.x 2.");
        Assert.Equal(
            new[] { TokenKind.Number, TokenKind.Dot, TokenKind.Identifier, TokenKind.Number, TokenKind.Dot, TokenKind.EndOfFile },
            tokens.Select(t => t.Kind));
        Assert.Equal("1", tokens[0].Value);
    }

    [Fact]
    public void A_minus_not_followed_by_a_digit_or_arrow_is_left_to_the_parser()
    {
        var (tokens, sink) = Lex("- x");
        Assert.Equal(TokenKind.Unknown, tokens[0].Kind);
        Assert.False(tokens[0].IsReported);
        Assert.Equal(0, sink.Count);
    }

    [Fact]
    public void Strings_decode_every_escape()
    {
        var tokens = LexValid("\"q\\\" b\\\\ s\\/ n\\n r\\r t\\t u\\u00e9\\u20AC\"");
        Assert.Equal(TokenKind.String, tokens[0].Kind);
        Assert.Equal("q\" b\\ s/ n\n r\r t\t u\u00e9\u20ac", tokens[0].Value);
    }

    [Fact]
    public void Strings_keep_braces_as_written()
    {
        var tokens = LexValid("\"/a/{id}/{{x}}\"");
        Assert.Equal("/a/{id}/{{x}}", tokens[0].Value);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(0, 15), tokens[0].Span);
    }

    [Fact]
    public void Comments_of_both_forms_are_skipped()
    {
        var tokens = LexValid("a // line comment <- \"x\n/* block\n comment */ b /**/ c /* * / */ d");
        Assert.Equal(new[] { "a", "b", "c", "d" }, tokens.Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Value));
    }

    [Fact]
    public void Each_token_knows_whether_it_starts_its_line()
    {
        var tokens = LexValid("a b\n  c d\r\ne /* x\n */ f g\n// only a comment\nh\u2028i");
        var starts = tokens.Where(t => t.Kind == TokenKind.Identifier).ToDictionary(t => t.Value, t => t.IsAtLineStart);
        Assert.True(starts["a"]);
        Assert.False(starts["b"]);
        Assert.True(starts["c"]);
        Assert.False(starts["d"]);
        Assert.True(starts["e"]);
        Assert.True(starts["f"]);
        Assert.False(starts["g"]);
        Assert.True(starts["h"]);
        Assert.True(starts["i"]);
    }

    [Fact]
    public void The_end_token_sits_at_the_end_of_the_text()
    {
        var tokens = LexValid("a  ");
        Assert.Equal(TokenKind.EndOfFile, tokens[^1].Kind);
        Assert.Equal(3, tokens[^1].Start);
        Assert.Equal(0, tokens[^1].Length);
        Assert.Single(LexValid(""));
        Assert.Single(LexValid("\uFEFF // only trivia"));
    }

    [Fact]
    public void Unterminated_string_is_reported_over_its_line_and_still_a_token()
    {
        var (tokens, sink) = Lex("x \"abc\ny");
        var diagnostics = sink.ToSortedArray();
        var d = Assert.Single(diagnostics);
        Assert.Equal("CRM0002", d.Id);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(2, 4), d.Span);
        Assert.Equal(TokenKind.String, tokens[1].Kind);
        Assert.Equal("abc", tokens[1].Value);
        Assert.True(tokens[1].IsUnterminated);
        Assert.True(tokens[1].IsReported);
        Assert.True(tokens[2].IsIdentifier("y"));
        Assert.True(tokens[2].IsAtLineStart);
    }

    [Fact]
    public void Unterminated_string_at_the_end_of_the_text()
    {
        var (tokens, sink) = Lex("\"abc\\");
        var d = Assert.Single(sink.ToSortedArray());
        Assert.Equal("CRM0002", d.Id);
        Assert.Contains("Unterminated string", d.Arguments[0]);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(0, 5), d.Span);
        Assert.Equal(TokenKind.EndOfFile, tokens[1].Kind);
    }

    [Theory]
    [InlineData("\"a\\qb\"", 2, 2, "'\\q'")]
    [InlineData("\"\\u12G4\"", 1, 4, "'\\u12'")]
    [InlineData("\"\\u\"", 1, 2, "'\\u'")]
    [InlineData("\"x\\{\"", 2, 2, "'\\{'")]
    public void Bad_escapes_are_reported_at_the_escape(string text, int start, int length, string shown)
    {
        var (tokens, sink) = Lex(text);
        var d = Assert.Single(sink.ToSortedArray());
        Assert.Equal("CRM0002", d.Id);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(start, length), d.Span);
        Assert.Contains("Invalid escape sequence " + shown, d.Arguments[0]);
        Assert.Equal(TokenKind.String, tokens[0].Kind);
        Assert.False(tokens[0].IsReported);
    }

    [Fact]
    public void Unterminated_block_comment_is_reported_at_its_opening()
    {
        var (tokens, sink) = Lex("a /* never closed\n b c");
        var d = Assert.Single(sink.ToSortedArray());
        Assert.Equal("CRM0002", d.Id);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(2, 2), d.Span);
        Assert.Equal(new[] { TokenKind.Identifier, TokenKind.EndOfFile }, tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Characters_outside_the_language_are_reported_once_per_run()
    {
        var (tokens, sink) = Lex("a 日本語 b é\u0001 c");
        var diagnostics = sink.ToSortedArray();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("CRM0002", d.Id));
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(2, 3), diagnostics[0].Span);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(8, 2), diagnostics[1].Span);
        Assert.Equal("Unexpected characters starting with '日' (U+65E5)", diagnostics[0].Arguments[0]);
        var unknown = tokens.Where(t => t.Kind == TokenKind.Unknown).ToList();
        Assert.Equal(2, unknown.Count);
        Assert.All(unknown, t => Assert.True(t.IsReported));
    }

    [Theory]
    [InlineData(new[] { 0xD800 }, "Unexpected character U+D800 (a lone surrogate)")]
    [InlineData(new[] { 0xDC00 }, "Unexpected character U+DC00 (a lone surrogate)")]
    [InlineData(new[] { 0x0007 }, "Unexpected character U+0007")]
    [InlineData(new[] { 0x00A0 }, "Unexpected character U+00A0")]
    [InlineData(new[] { 0xD83D, 0xDE00 }, "Unexpected character '\U0001F600' (U+1F600)")]
    public void Odd_characters_are_described_by_code_point(int[] utf16, string message)
    {
        // Given as UTF-16 code units: lone surrogates do not survive as test-case strings.
        var character = new string(utf16.Select(u => (char)u).ToArray());
        var (_, sink) = Lex("a " + character + " b");
        var d = Assert.Single(sink.ToSortedArray());
        Assert.Equal(message, d.Arguments[0]);
        Assert.Equal(2, d.Span.Start);
        Assert.Equal(character.Length, d.Span.Length);
    }

    [Fact]
    public void Lone_surrogates_inside_strings_are_reported_and_replaced()
    {
        var (tokens, sink) = Lex("\"a\uD800b\" \"\U0001F600\"");
        var d = Assert.Single(sink.ToSortedArray());
        Assert.Equal("CRM0002", d.Id);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(2, 1), d.Span);
        Assert.Equal("a\uFFFDb", tokens[0].Value);
        Assert.Equal("\U0001F600", tokens[1].Value);
    }

    [Theory]
    [InlineData("=")]
    [InlineData(":")]
    [InlineData("#")]
    [InlineData(";")]
    [InlineData("<")]
    [InlineData("?")]
    [InlineData("|")]
    [InlineData("&")]
    [InlineData("/")]
    public void Stray_ascii_punctuation_is_an_unknown_token_for_the_parser(string text)
    {
        var (tokens, sink) = Lex(text);
        Assert.Equal(0, sink.Count);
        Assert.Equal(TokenKind.Unknown, tokens[0].Kind);
        Assert.Equal(text, tokens[0].Value);
        Assert.False(tokens[0].IsReported);
    }

    [Fact]
    public void A_hole_is_lexed_within_its_bounds_with_file_offsets()
    {
        const string text = "\"{ a.b ?? c }\"";
        var sink = new SyntaxDiagnosticSink("t", LineMap.FromText(text));
        var tokens = CrmMapLexer.Tokenize(text, 2, 12, sink, isHole: true, CancellationToken.None);
        Assert.Equal(
            new[] { TokenKind.Identifier, TokenKind.Dot, TokenKind.Identifier, TokenKind.QuestionQuestion, TokenKind.Identifier, TokenKind.EndOfFile },
            tokens.Select(t => t.Kind));
        Assert.Equal(3, tokens[0].Start);
        Assert.Equal(12, tokens[^1].Start);
        Assert.All(tokens, t => Assert.False(t.IsAtLineStart));
    }
}
