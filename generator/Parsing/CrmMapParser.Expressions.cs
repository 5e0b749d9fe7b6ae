using System.Collections.Immutable;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Parsing;

internal static partial class CrmMapParser
{
    private sealed partial class Parser
    {
        private static bool CanStartExpression(Token token)
            => token.Kind is TokenKind.Identifier or TokenKind.String or TokenKind.Number or TokenKind.Dollar or TokenKind.DollarDollar
                or TokenKind.Star or TokenKind.At or TokenKind.OpenBracket or TokenKind.OpenBrace
                or TokenKind.OpenParen or TokenKind.Bang;

        /// <summary><c>expr := 'if' expr 'then' expr ('else' expr)? | coalesce</c></summary>
        private ExpressionSyntax ParseExpression()
        {
            try
            {
                if (!EnterNesting(out var tooDeep)) return tooDeep;
                if (Current.IsIdentifier("if") && CanStartExpression(Peek(1))) return ParseConditional();
                return ParseBinary(0);
            }
            finally
            {
                ExitNesting();
            }
        }

        private ConditionalSyntax ParseConditional()
        {
            var ifToken = Advance();
            var condition = ParseExpression();
            if (Current.IsIdentifier("then")) Advance();
            else ReportMissing("'then' after the condition");
            var whenTrue = ParseExpression();
            ExpressionSyntax? whenFalse = null;
            // At a line start 'else' may be the target of the next mapping ('else <- x').
            if (Current.IsIdentifier("else") && (!Current.IsAtLineStart || CanStartExpression(Peek(1))))
            {
                Advance();
                whenFalse = ParseExpression();
            }
            return new ConditionalSyntax(condition, whenTrue, whenFalse, SpanFrom(ifToken.Start));
        }

        /// <summary>
        /// Precedence climbing over <c>??</c> (lowest), <c>||</c>, <c>&amp;&amp;</c> and <c>== !=</c>
        /// (highest, not associative). Operands are unary expressions.
        /// </summary>
        private ExpressionSyntax ParseBinary(int minPrecedence)
        {
            var left = ParseUnary();
            var compared = false;
            var links = 0;
            while (true)
            {
                BinaryOperator op;
                int precedence;
                switch (Current.Kind)
                {
                    case TokenKind.QuestionQuestion:
                        op = BinaryOperator.Coalesce;
                        precedence = 1;
                        break;
                    case TokenKind.BarBar:
                        op = BinaryOperator.Or;
                        precedence = 2;
                        break;
                    case TokenKind.AmpersandAmpersand:
                        op = BinaryOperator.And;
                        precedence = 3;
                        break;
                    case TokenKind.EqualsEquals:
                        op = BinaryOperator.Equal;
                        precedence = 4;
                        break;
                    case TokenKind.BangEquals:
                        op = BinaryOperator.NotEqual;
                        precedence = 4;
                        break;
                    default:
                        return left;
                }
                if (precedence < minPrecedence) return left;
                if (precedence == 4)
                {
                    if (compared) Report(Current.Span, "Comparisons cannot be chained: add parentheses, as in '(a == b) == c'");
                    compared = true;
                }
                var operatorToken = Advance();
                var right = ParseBinary(precedence + 1);
                // A chain builds a left-deep tree: bound its depth like nesting, or walking the tree
                // (equality, hashing, binding) could exhaust the stack.
                if (TooLongChain(ref links, operatorToken)) continue;
                left = new BinarySyntax(op, left, right, SpanFrom(left.Span.Start));
            }
        }

        /// <summary><c>unary := '!' unary | postfix</c></summary>
        private ExpressionSyntax ParseUnary()
        {
            if (!At(TokenKind.Bang)) return ParsePostfix();
            var bang = Advance();
            try
            {
                var operand = EnterNesting(out var tooDeep) ? ParseUnary() : tooDeep;
                return new NotSyntax(operand, SpanFrom(bang.Start));
            }
            finally
            {
                ExitNesting();
            }
        }

        /// <summary><c>postfix := primary ('as' IDENT | 'via' IDENT | 'matching' STRING | 'each' (object | postfix))*</c></summary>
        private ExpressionSyntax ParsePostfix()
        {
            var expression = ParsePrimary();
            var start = expression.Span.Start;
            var links = 0;
            while (true)
            {
                var token = Current;
                if (token.Kind != TokenKind.Identifier) return expression;
                var next = Peek(1);
                switch (token.Value)
                {
                    // At a line start these words may be the target of the next mapping ('as <- x').
                    case "as" when !token.IsAtLineStart || next.Kind == TokenKind.Identifier:
                    {
                        Advance();
                        var conversion = ExpectIdentifier("a conversion (datetime, date, epoch_s, epoch_ms, decimal, cents, int, string or bool)");
                        if (TooLongChain(ref links, token)) break;
                        expression = new ConversionSyntax(expression, conversion, SpanFrom(start));
                        break;
                    }
                    case "via" when !token.IsAtLineStart || next.Kind == TokenKind.Identifier:
                    {
                        Advance();
                        var table = ExpectIdentifier("an enum table name");
                        if (TooLongChain(ref links, token)) break;
                        expression = new EnumLookupSyntax(expression, table, SpanFrom(start));
                        break;
                    }
                    // 'matching' is the key filter of a catch-all; at a line start only with its pattern after it.
                    case "matching" when !token.IsAtLineStart || next.Kind == TokenKind.String:
                    {
                        Advance();
                        var pattern = ParseKeyPattern();
                        if (TooLongChain(ref links, token)) break;
                        expression = new MatchingSyntax(expression, ToIdentifier(token), pattern, SpanFrom(start));
                        break;
                    }
                    case "each" when !token.IsAtLineStart || CanStartExpression(next):
                    {
                        Advance();
                        var element = ParseEachElement();
                        if (TooLongChain(ref links, token)) break;
                        expression = new ProjectionSyntax(expression, element, SpanFrom(start));
                        break;
                    }
                    default:
                        return expression;
                }
            }
        }

        /// <summary>
        /// The string after <c>matching</c>: a regular expression taken as written (escapes decoded,
        /// braces kept: a pattern has no interpolation holes). Null when it is missing (reported) or
        /// unterminated (the lexer reported it).
        /// </summary>
        private StringLiteralSyntax? ParseKeyPattern()
        {
            if (At(TokenKind.String) && !(Current.IsAtLineStart && Peek(1).Kind is TokenKind.LeftArrow or TokenKind.TwoWayArrow or TokenKind.Dot or TokenKind.OpenBracket))
            {
                var token = Advance();
                return token.IsUnterminated ? null : new StringLiteralSyntax(token.Value, token.Span);
            }
            ReportMissing("a key pattern (a regular expression in a string, as in '* matching \"^cf_\"') " + After());
            return null;
        }

        /// <summary>
        /// Counts one more link of an operator chain; past <see cref="MaxNestingDepth"/> (with the
        /// current nesting) reports CRM0001 once for the chain and returns true: the caller drops the link.
        /// </summary>
        private bool TooLongChain(ref int links, Token operatorToken)
        {
            links++;
            if (_depth + links <= MaxNestingDepth) return false;
            if (_depth + links == MaxNestingDepth + 1)
            {
                Report(operatorToken.Span, "Expressions are chained too deeply (more than "
                    + MaxNestingDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " operators in a row); split the mapping or use a hook");
            }
            return true;
        }

        /// <summary>After <c>each</c>: an object, or a postfix expression evaluated per element.</summary>
        private ExpressionSyntax ParseEachElement()
        {
            if (At(TokenKind.OpenBrace)) return ParseObject();
            try
            {
                return EnterNesting(out var tooDeep) ? ParsePostfix() : tooDeep;
            }
            finally
            {
                ExitNesting();
            }
        }

        private ExpressionSyntax ParsePrimary()
        {
            var token = Current;
            if (token.IsAtLineStart && StartsConstructAtLineStart())
            {
                // 'a <-' at the end of a line, then 'b <- c': the operand is missing; the next line is the next mapping.
                ReportMissing("an expression " + After());
                return new MissingExpressionSyntax(MissingSpan);
            }
            switch (token.Kind)
            {
                case TokenKind.Identifier:
                {
                    var next = Peek(1).Kind;
                    if (next == TokenKind.OpenParen) return ParseCall();
                    if (next is not (TokenKind.Dot or TokenKind.OpenBracket))
                    {
                        if (token.IsIdentifier("true")) return Keyword(LiteralKind.True);
                        if (token.IsIdentifier("false")) return Keyword(LiteralKind.False);
                        if (token.IsIdentifier("null")) return Keyword(LiteralKind.Null);
                    }
                    return ParsePath();
                }
                case TokenKind.String:
                    // "odd key".x is a path; a string alone is a literal or an interpolation.
                    if (Peek(1).Kind is TokenKind.Dot or TokenKind.OpenBracket) return ParsePath();
                    return ParseStringExpression();
                case TokenKind.Number:
                    Advance();
                    return new LiteralSyntax(LiteralKind.Number, token.Value, token.Span);
                case TokenKind.Dollar:
                case TokenKind.DollarDollar:
                case TokenKind.Star:
                    return ParsePath();
                case TokenKind.At:
                    return ParseHookCall();
                case TokenKind.OpenBracket:
                    return ParseArray();
                case TokenKind.OpenBrace:
                    return ParseObject();
                case TokenKind.OpenParen:
                    return ParseParenthesized();
                default:
                {
                    ReportMissing("an expression " + After());
                    var missing = new MissingExpressionSyntax(MissingSpan);
                    if (IsStrayCloseBrace())
                    {
                        _strayCloseBrace = _position;
                        Advance();
                    }
                    return missing;
                }
            }
        }

        /// <summary>
        /// A '}' where an operand was expected, in the middle of a line with more on the line after
        /// it, inside a block opened on an earlier line: a typo (as in 'a &lt;- } x'), not the end of
        /// the block, so recovery drops it instead of closing the block early.
        /// </summary>
        private bool IsStrayCloseBrace()
        {
            if (!At(TokenKind.CloseBrace) || Current.IsAtLineStart || _blockOpen < 0 || _lastLineStart <= _blockOpen) return false;
            var next = Peek(1);
            return !next.IsAtLineStart && next.Kind is not (TokenKind.EndOfFile or TokenKind.CloseBrace or TokenKind.CloseParen
                or TokenKind.CloseBracket or TokenKind.Comma);
        }

        private LiteralSyntax Keyword(LiteralKind kind)
        {
            var token = Advance();
            return new LiteralSyntax(kind, token.Value, token.Span);
        }

        /// <summary><c>IDENT '(' args? ')'</c>: a built-in function.</summary>
        private CallSyntax ParseCall()
        {
            var name = Advance();
            var arguments = ParseArguments("'" + name.Value + "'");
            return new CallSyntax(ToIdentifier(name), IsHook: false, arguments, SpanFrom(name.Start));
        }

        /// <summary><c>'@' IDENT '(' args? ')'</c>: a static method of the provider class.</summary>
        private CallSyntax ParseHookCall()
        {
            var at = Advance();
            IdentifierSyntax name;
            if (At(TokenKind.Identifier) && !Current.IsAtLineStart)
            {
                name = ToIdentifier(Advance());
            }
            else
            {
                ReportMissing("a hook name " + After());
                name = MissingIdentifier();
            }
            var arguments = EquatableArray<ExpressionSyntax>.Empty;
            if (At(TokenKind.OpenParen)) arguments = ParseArguments("'@" + name.Text + "'");
            else if (!name.IsMissing) ReportMissing("'(' " + After());
            return new CallSyntax(name, IsHook: true, arguments, SpanFrom(at.Start));
        }

        /// <summary><c>'(' (expr (',' expr)*)? ')'</c>; the current token is the '('.</summary>
        private EquatableArray<ExpressionSyntax> ParseArguments(string callee)
        {
            Advance();
            if (At(TokenKind.CloseParen))
            {
                Advance();
                return EquatableArray<ExpressionSyntax>.Empty;
            }
            var arguments = ImmutableArray.CreateBuilder<ExpressionSyntax>();
            while (true)
            {
                CheckCancellation();
                arguments.Add(ParseExpression());
                if (At(TokenKind.Comma))
                {
                    Advance();
                    continue;
                }
                if (At(TokenKind.CloseParen))
                {
                    Advance();
                    break;
                }
                ReportMissing("',' or ')' in the arguments of " + callee);
                RecoverToCloser(TokenKind.CloseParen);
                break;
            }
            return arguments.ToImmutable();
        }

        /// <summary><c>'[' (expr (',' expr)*)? ']'</c></summary>
        private ArraySyntax ParseArray()
        {
            var open = Advance();
            var elements = ImmutableArray.CreateBuilder<ExpressionSyntax>();
            if (At(TokenKind.CloseBracket))
            {
                Advance();
                return new ArraySyntax(elements.ToImmutable(), SpanFrom(open.Start));
            }
            while (true)
            {
                CheckCancellation();
                elements.Add(ParseExpression());
                if (At(TokenKind.Comma))
                {
                    Advance();
                    continue;
                }
                if (At(TokenKind.CloseBracket))
                {
                    Advance();
                    break;
                }
                ReportMissing("',' or ']' in the array");
                RecoverToCloser(TokenKind.CloseBracket);
                break;
            }
            return new ArraySyntax(elements.ToImmutable(), SpanFrom(open.Start));
        }

        /// <summary><c>'(' expr ')'</c>: the inner expression (parentheses make no node).</summary>
        private ExpressionSyntax ParseParenthesized()
        {
            Advance();
            var inner = ParseExpression();
            if (At(TokenKind.CloseParen))
            {
                Advance();
            }
            else
            {
                ReportMissing("')' " + After());
                RecoverToCloser(TokenKind.CloseParen);
            }
            return inner;
        }

        /// <summary><c>object := '{' mapping* '}'</c></summary>
        private ObjectSyntax ParseObject()
        {
            var block = ParseMappingBlock("the object");
            return new ObjectSyntax(block, block.Span);
        }
    }
}
