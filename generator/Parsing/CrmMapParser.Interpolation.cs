using System.Collections.Immutable;
using System.Text;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Parsing;

internal static partial class CrmMapParser
{
    private sealed partial class Parser
    {
        private static readonly char[] Braces = { '{', '}' };

        /// <summary>
        /// A string in expression position: a <see cref="LiteralSyntax"/> when it has no hole, else an
        /// <see cref="InterpolatedStringSyntax"/> whose holes are parsed as expressions at their
        /// offsets in the file. <c>{{</c> and <c>}}</c> are literal braces.
        /// </summary>
        private ExpressionSyntax ParseStringExpression()
        {
            var token = Advance();
            var contentStart = token.Start + 1;
            var contentEnd = token.IsUnterminated ? token.End : token.End - 1;
            if (contentEnd <= contentStart || _text.IndexOfAny(Braces, contentStart, contentEnd - contentStart) < 0)
            {
                return new LiteralSyntax(LiteralKind.String, token.Value, token.Span);
            }
            return ParseInterpolatedString(token, contentStart, contentEnd);
        }

        private ExpressionSyntax ParseInterpolatedString(Token token, int contentStart, int contentEnd)
        {
            var text = _text;
            var parts = ImmutableArray.CreateBuilder<InterpolationPartSyntax>();
            var builder = new StringBuilder(contentEnd - contentStart);
            var textStart = contentStart;
            var hasHole = false;
            var i = contentStart;
            while (i < contentEnd)
            {
                var c = text[i];
                if (c == '{')
                {
                    if (i + 1 < contentEnd && text[i + 1] == '{')
                    {
                        builder.Append('{');
                        i += 2;
                        continue;
                    }
                    AddTextPart(parts, builder, textStart, i);
                    hasHole = true;
                    var close = FindHoleEnd(i + 1, contentEnd);
                    if (close < 0)
                    {
                        _sink.InvalidToken(new TextSpan(i, 1), "Unterminated interpolation hole: '{' has no closing '}' (write '{{' for a literal brace)");
                        parts.Add(new InterpolationPartSyntax(null, new MissingExpressionSyntax(new TextSpan(contentEnd, 0)), TextSpan.FromBounds(i, contentEnd)));
                        i = contentEnd;
                        textStart = i;
                        break;
                    }
                    var expression = ParseHole(i + 1, close);
                    parts.Add(new InterpolationPartSyntax(null, expression, TextSpan.FromBounds(i, close + 1)));
                    i = close + 1;
                    textStart = i;
                    continue;
                }
                if (c == '}')
                {
                    if (i + 1 < contentEnd && text[i + 1] == '}')
                    {
                        builder.Append('}');
                        i += 2;
                        continue;
                    }
                    _sink.InvalidToken(new TextSpan(i, 1), "Unexpected '}' in string: write '}}' for a literal brace");
                    builder.Append('}');
                    i++;
                    continue;
                }
                // Problems (bad escapes, lone surrogates) were reported when the string was lexed.
                i += StringEscapes.AppendDecoded(text, i, contentEnd, builder, out _);
            }

            if (!hasHole) return new LiteralSyntax(LiteralKind.String, builder.ToString(), token.Span);
            AddTextPart(parts, builder, textStart, contentEnd);
            return new InterpolatedStringSyntax(parts.ToImmutable(), token.Span);
        }

        private static void AddTextPart(ImmutableArray<InterpolationPartSyntax>.Builder parts, StringBuilder builder, int start, int end)
        {
            if (builder.Length == 0) return;
            parts.Add(new InterpolationPartSyntax(builder.ToString(), null, TextSpan.FromBounds(start, end)));
            builder.Clear();
        }

        /// <summary>The offset of the '}' that closes a hole whose content starts at <paramref name="start"/>, or -1.</summary>
        private int FindHoleEnd(int start, int end)
        {
            var depth = 1;
            for (var j = start; j < end; j++)
            {
                var c = _text[j];
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return j;
                }
            }
            return -1;
        }

        /// <summary>Lexes and parses the text of one hole, with spans in file offsets.</summary>
        private ExpressionSyntax ParseHole(int start, int end)
        {
            var tokens = CrmMapLexer.Tokenize(_text, start, end, _sink, isHole: true, _cancellationToken);
            var parser = new Parser(_text, tokens, _sink, isHole: true, _depth, previousEnd: start, _cancellationToken);
            return parser.ParseHoleExpression();
        }

        private ExpressionSyntax ParseHoleExpression()
        {
            if (AtEnd)
            {
                ReportMissing("an expression in the interpolation hole");
                return new MissingExpressionSyntax(MissingSpan);
            }
            var expression = ParseExpression();
            if (!AtEnd) ReportUnexpected("'}' to end the interpolation hole");
            return expression;
        }
    }
}
