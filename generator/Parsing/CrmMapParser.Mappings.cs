using System.Collections.Immutable;
using System.Globalization;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Parsing;

internal static partial class CrmMapParser
{
    private sealed partial class Parser
    {
        private static bool CanStartPath(Token token)
            => token.Kind is TokenKind.Identifier or TokenKind.String or TokenKind.Dollar or TokenKind.DollarDollar or TokenKind.Star;

        /// <summary><c>block := '{' mapping* '}'</c> (commas between mappings optional).</summary>
        private MappingBlockSyntax ParseMappingBlock(string description)
        {
            var start = At(TokenKind.OpenBrace) ? Current.Start : _previousEnd;
            var outerBlockOpen = _blockOpen;
            _blockOpen = _position;
            ExpectOpenBrace();
            var mappings = ImmutableArray.CreateBuilder<MappingSyntax>();
            while (true)
            {
                CheckCancellation();
                if (AtBodyEnd(Level.Block, description)) break;
                if (At(TokenKind.Comma))
                {
                    Advance();
                    continue;
                }
                var before = _position;
                var serial = _errorSerial;
                var mapping = ParseMapping();
                if (mapping is not null) mappings.Add(mapping);
                Recover(before, serial, Level.Block, stopAtComma: true);
            }
            _blockOpen = outerBlockOpen;
            return new MappingBlockSyntax(mappings.ToImmutable(), SpanFrom(start));
        }

        /// <summary><c>mapping := path ('&lt;-' | '&lt;-&gt;') expr</c></summary>
        private MappingSyntax? ParseMapping()
        {
            var start = Current;
            if (!CanStartPath(start))
            {
                ReportUnexpected("a mapping (target <- source)");
                return null;
            }
            var target = ParsePath();
            MappingArrow arrow;
            if (At(TokenKind.LeftArrow))
            {
                arrow = MappingArrow.Assign;
            }
            else if (At(TokenKind.TwoWayArrow))
            {
                arrow = MappingArrow.TwoWay;
            }
            else
            {
                ReportMissing("'<-' or '<->' after " + Quote(_text, target.Span.Start, target.Span.Length));
                return new MappingSyntax(target, MappingArrow.Assign, new MissingExpressionSyntax(MissingSpan), SpanFrom(start.Start));
            }
            Advance();
            var source = ParseExpression();
            return new MappingSyntax(target, arrow, source, SpanFrom(start.Start));
        }

        /// <summary>
        /// <c>path := first ('.' IDENT | '.' STRING | '.' '*' | '[' NUMBER ']')*</c> with
        /// <c>first := IDENT | STRING | '$' | '$$' | '*'</c>. The current token must be able to start a path.
        /// Name segments have index -1; index segments carry the digits as their name.
        /// </summary>
        private PathSyntax ParsePath()
        {
            var first = Advance();
            var firstSegment = first.Kind switch
            {
                TokenKind.Dollar => new PathSegmentSyntax(PathSegmentKind.Current, "$", -1, first.Span),
                TokenKind.DollarDollar => new PathSegmentSyntax(PathSegmentKind.Record, "$$", -1, first.Span),
                TokenKind.Star => new PathSegmentSyntax(PathSegmentKind.Wildcard, "*", -1, first.Span),
                _ => new PathSegmentSyntax(PathSegmentKind.Name, first.Value, -1, first.Span),
            };
            if (Current.Kind is not (TokenKind.Dot or TokenKind.OpenBracket))
            {
                return new PathSyntax(ImmutableArray.Create(firstSegment), first.Span);
            }
            var segments = ImmutableArray.CreateBuilder<PathSegmentSyntax>();
            segments.Add(firstSegment);

            while (true)
            {
                if (At(TokenKind.Dot))
                {
                    var next = Peek(1);
                    if (next.IsAtLineStart || next.Kind is not (TokenKind.Identifier or TokenKind.String or TokenKind.Star))
                    {
                        Advance();
                        ReportMissing("a name, a quoted name or '*' " + After());
                        break;
                    }
                    Advance();
                    var token = Advance();
                    segments.Add(token.Kind == TokenKind.Star
                        ? new PathSegmentSyntax(PathSegmentKind.Wildcard, "*", -1, token.Span)
                        : new PathSegmentSyntax(PathSegmentKind.Name, token.Value, -1, token.Span));
                }
                else if (At(TokenKind.OpenBracket))
                {
                    segments.Add(ParseIndexSegment());
                }
                else
                {
                    break;
                }
            }
            return new PathSyntax(segments.ToImmutable(), SpanFrom(first.Start));
        }

        /// <summary><c>'[' NUMBER ']'</c>: a non-negative integer index.</summary>
        private PathSegmentSyntax ParseIndexSegment()
        {
            var open = Advance();
            var name = string.Empty;
            var index = -1;
            if (At(TokenKind.Number))
            {
                var number = Current;
                if (int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    name = number.Value;
                    index = value;
                }
                else
                {
                    var reason = number.Value.IndexOf('.') >= 0 || number.Value[0] == '-' ? "a non-negative integer" : "an index of at most 2147483647";
                    Report(number.Span, "Expected " + reason + " inside '[ ]' but found " + Describe(number));
                }
                Advance();
            }
            else
            {
                ReportMissing("an index (a non-negative integer) " + After());
            }

            if (At(TokenKind.CloseBracket))
            {
                Advance();
            }
            else
            {
                ReportMissing("']' " + After());
                RecoverToCloser(TokenKind.CloseBracket);
            }
            return new PathSegmentSyntax(PathSegmentKind.Index, name, index, SpanFrom(open.Start));
        }
    }
}
