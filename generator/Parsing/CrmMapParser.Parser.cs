using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Parsing;

internal static partial class CrmMapParser
{
    /// <summary>Where the parser is, for deciding which tokens start a construct of an enclosing level.</summary>
    private enum Level
    {
        File,
        Provider,
        Resource,
        Operation,
        Block,
        Enum,
    }

    /// <summary>
    /// The state of one parse: the tokens, the position, the nesting depth and the error
    /// bookkeeping. Partial files hold the grammar: declarations, mappings, expressions and
    /// interpolation.
    /// </summary>
    private sealed partial class Parser
    {
        private readonly string _text;
        private readonly Token[] _tokens;
        private readonly SyntaxDiagnosticSink _sink;
        private readonly bool _isHole;
        private readonly CancellationToken _cancellationToken;
        private int _position;
        private int _previousEnd;
        private int _depth;

        /// <summary>Token index of the last error (reported or suppressed); a second error there is a cascade.</summary>
        private int _lastErrorToken = -1;

        /// <summary>Index of the last consumed token that started a line.</summary>
        private int _lastLineStart = -1;

        /// <summary>Index of the '{' of the innermost mapping block being parsed, or -1.</summary>
        private int _blockOpen = -1;

        /// <summary>Index of the last '}' dropped as a typo inside an expression, or -1.</summary>
        private int _strayCloseBrace = -1;

        /// <summary>Counts every error the parser found (also suppressed ones), so callers can tell whether a construct failed.</summary>
        private int _errorSerial;

        public Parser(string text, Token[] tokens, SyntaxDiagnosticSink sink, bool isHole, int depth, int previousEnd, CancellationToken cancellationToken)
        {
            _text = text;
            _tokens = tokens;
            _sink = sink;
            _isHole = isHole;
            _depth = depth;
            _cancellationToken = cancellationToken;
            _previousEnd = previousEnd;
        }

        // ---- tokens -------------------------------------------------------------------------

        private Token Current => _tokens[_position];

        private Token Peek(int offset)
        {
            var index = _position + offset;
            return index < _tokens.Length ? _tokens[index] : _tokens[_tokens.Length - 1];
        }

        private Token Previous => _position > 0 ? _tokens[_position - 1] : _tokens[0];

        private bool At(TokenKind kind) => _tokens[_position].Kind == kind;

        private bool AtEnd => _tokens[_position].Kind == TokenKind.EndOfFile;

        private Token Advance()
        {
            var token = _tokens[_position];
            if (token.Kind != TokenKind.EndOfFile)
            {
                if (token.IsAtLineStart) _lastLineStart = _position;
                _position++;
                _previousEnd = token.End;
            }
            return token;
        }

        /// <summary>A zero-width span at the end of the last consumed token: where a missing token goes.</summary>
        private TextSpan MissingSpan => new(_previousEnd, 0);

        private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, Math.Max(start, _previousEnd));

        private static IdentifierSyntax ToIdentifier(Token token) => new(token.Value, token.Span);

        private IdentifierSyntax MissingIdentifier() => new(string.Empty, MissingSpan);

        private static bool IsOpener(TokenKind kind) => kind is TokenKind.OpenBrace or TokenKind.OpenParen or TokenKind.OpenBracket;

        private static bool IsCloser(TokenKind kind) => kind is TokenKind.CloseBrace or TokenKind.CloseParen or TokenKind.CloseBracket;

        private void CheckCancellation() => _cancellationToken.ThrowIfCancellationRequested();

        // ---- errors -------------------------------------------------------------------------

        /// <summary>
        /// Reports "Expected <paramref name="expected"/> but found …" at the current token. Only
        /// the first error at a token is kept (later ones are cascades), and none is added at a
        /// token the lexer already reported.
        /// </summary>
        private void ReportExpected(string expected, bool missing)
        {
            var found = Current;
            var span = missing && IsMissingContext(found) ? MissingSpan : found.Span;
            Report(span, "Expected " + expected + " but found " + Describe(found));
        }

        /// <summary>Something required is absent: zero-width after the previous token when the found token plausibly follows the gap.</summary>
        private void ReportMissing(string expected) => ReportExpected(expected, missing: true);

        /// <summary>The current token does not belong here: its own span.</summary>
        private void ReportUnexpected(string expected) => ReportExpected(expected, missing: false);

        private void Report(TextSpan span, string message)
        {
            _errorSerial++;
            if (_lastErrorToken == _position) return;
            _lastErrorToken = _position;
            if (Current.IsReported) return;
            _sink.SyntaxError(span, message);
        }

        /// <summary>
        /// True when the found token is more likely the correct token after a gap than an
        /// intruder: the end, a new line, a closer, a comma or an opening brace.
        /// </summary>
        private static bool IsMissingContext(Token found)
            => found.Kind is TokenKind.EndOfFile or TokenKind.CloseBrace or TokenKind.CloseParen or TokenKind.CloseBracket
                   or TokenKind.Comma or TokenKind.OpenBrace
               || found.IsAtLineStart;

        /// <summary>"after 'x'", naming the previous token.</summary>
        private string After()
        {
            if (_position > 0) return "after " + Describe(Previous);
            return _isHole ? "after '{'" : "at the start of the file";
        }

        private string Describe(Token token)
        {
            if (token.Kind == TokenKind.EndOfFile) return _isHole ? "'}'" : "end of file";
            if (token.Kind == TokenKind.Unknown && token.IsReported)
            {
                return StringEscapes.DescribeCharacter(_text, token.Start, token.End);
            }
            return Quote(_text, token.Start, token.Length);
        }

        private static string Quote(string text, int start, int length)
        {
            const int MaxShown = 40;
            if (length <= MaxShown) return "'" + text.Substring(start, length) + "'";
            var cut = MaxShown;
            if (char.IsHighSurrogate(text[start + cut - 1])) cut--;
            return "'" + text.Substring(start, cut) + "…'";
        }

        // ---- nesting ------------------------------------------------------------------------

        /// <summary>
        /// Enters one level of expression nesting. Past <see cref="MaxNestingDepth"/> (or when the
        /// thread's stack runs low) it reports CRM0001, skips the too-deep operand and returns false;
        /// the caller then returns <paramref name="tooDeep"/>. Always pair with <see cref="ExitNesting"/>.
        /// </summary>
        private bool EnterNesting(out ExpressionSyntax tooDeep)
        {
            _depth++;
            // The stack is only probed past a modest depth, where deep input could exhaust it.
            if (_depth <= MaxNestingDepth && (_depth < 32 || HasSufficientStack()))
            {
                tooDeep = null!;
                return true;
            }
            var start = Current.Start;
            Report(Current.Span, "Expressions and objects are nested too deeply (more than "
                + MaxNestingDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels)");
            SkipTooDeepOperand();
            _lastErrorToken = _position;
            tooDeep = new MissingExpressionSyntax(_previousEnd > start ? TextSpan.FromBounds(start, _previousEnd) : MissingSpan);
            return false;
        }

        private void ExitNesting() => _depth--;

        private static bool HasSufficientStack()
        {
            try
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
                return true;
            }
            catch (InsufficientExecutionStackException)
            {
                return false;
            }
        }

        /// <summary>
        /// Skips the rest of an expression that nests too deeply: balanced groups whole, up to a
        /// closer or comma of the enclosing construct, or a new line that starts something else.
        /// </summary>
        private void SkipTooDeepOperand()
        {
            var depth = 0;
            var start = _position;
            while (!AtEnd)
            {
                var token = Current;
                if (token.IsAtLineStart)
                {
                    if (depth == 0 && (_position > start || StartsConstructAtLineStart())) return;
                    if (depth > 0 && StartsNewConstruct()) return;
                }
                if (depth == 0 && (IsCloser(token.Kind) || token.Kind == TokenKind.Comma)) return;
                if (IsOpener(token.Kind)) depth++;
                else if (IsCloser(token.Kind)) depth--;
                Advance();
            }
        }

        // ---- recovery -----------------------------------------------------------------------

        /// <summary>
        /// Panic-mode recovery after an error in a member or mapping: skips tokens up to the next
        /// synchronisation point — a token that starts a line, a <c>}</c> (or, in mapping lists, a
        /// comma) at the level where the error happened, or the end. Bracketed groups are skipped
        /// whole unless a line inside starts a construct of an enclosing level.
        /// </summary>
        private void SkipToSync(Level level, bool stopAtComma)
        {
            var depth = 0;
            while (!AtEnd)
            {
                CheckCancellation();
                var token = Current;
                if (token.IsAtLineStart)
                {
                    // At file level only a provider is a place to start again.
                    if (depth == 0 && level != Level.File) return;
                    if (IsOuterConstructStart(level)) return;
                }
                if (depth == 0)
                {
                    if (token.Kind == TokenKind.CloseBrace && level != Level.File) return;
                    if (stopAtComma && token.Kind == TokenKind.Comma) return;
                }
                if (IsOpener(token.Kind)) depth++;
                else if (IsCloser(token.Kind) && depth > 0) depth--;
                Advance();
            }
        }

        /// <summary>
        /// Local recovery inside brackets: skips to the matching <paramref name="closer"/> and
        /// consumes it (true), or stops before a closer of an enclosing group, the end, or a new line
        /// that begins a mapping or an enclosing construct (false).
        /// </summary>
        private bool SkipToCloser(TokenKind closer)
        {
            var depth = 0;
            while (!AtEnd)
            {
                CheckCancellation();
                var token = Current;
                if (token.IsAtLineStart && StartsNewConstruct()) return false;
                if (depth == 0)
                {
                    if (token.Kind == closer)
                    {
                        Advance();
                        return true;
                    }
                    if (IsCloser(token.Kind)) return false;
                }
                if (IsOpener(token.Kind)) depth++;
                else if (IsCloser(token.Kind)) depth--;
                Advance();
            }
            return false;
        }

        /// <summary><see cref="SkipToCloser"/>, after which an error at the token where it stopped is a cascade.</summary>
        private void RecoverToCloser(TokenKind closer)
        {
            if (!SkipToCloser(closer)) _lastErrorToken = _position;
        }

        /// <summary>
        /// For a token at a line start where a name or an operand was expected: does the line begin
        /// a mapping, a declaration or a member instead (a keyword of a provider or an operation)?
        /// </summary>
        private bool StartsConstructAtLineStart()
        {
            if (StartsNewConstruct()) return true;
            switch (Current.Value)
            {
                case "provider":
                case "display_name":
                case "base_url":
                case "auth":
                case "header":
                case "context":
                case "errors":
                case "enum":
                case "resource":
                case "requires":
                case "path":
                case "query":
                case "read":
                case "write":
                case "map":
                    return Current.Kind == TokenKind.Identifier;
                default:
                    return false;
            }
        }

        /// <summary>At a line start: does the line begin a mapping (<c>path &lt;-</c>) or a declaration of any level?</summary>
        private bool StartsNewConstruct() => LooksLikeMappingStart() || IsOuterConstructStart(Level.Block);

        /// <summary>Is the current token <c>path</c> followed by <c>&lt;-</c> or <c>&lt;-&gt;</c>?</summary>
        private bool LooksLikeMappingStart()
        {
            var i = _position;
            var kind = _tokens[i].Kind;
            if (kind is not (TokenKind.Identifier or TokenKind.String or TokenKind.Dollar or TokenKind.DollarDollar or TokenKind.Star)) return false;
            i++;
            var limit = Math.Min(_tokens.Length - 1, _position + 64);
            while (i < limit)
            {
                var k = _tokens[i].Kind;
                if (k is TokenKind.LeftArrow or TokenKind.TwoWayArrow) return true;
                if (k == TokenKind.Dot && _tokens[i + 1].Kind is TokenKind.Identifier or TokenKind.String or TokenKind.Star)
                {
                    i += 2;
                }
                else if (k == TokenKind.OpenBracket && i + 2 < _tokens.Length && _tokens[i + 1].Kind == TokenKind.Number
                         && _tokens[i + 2].Kind == TokenKind.CloseBracket)
                {
                    i += 3;
                }
                else
                {
                    return false;
                }
            }
            return false;
        }

        /// <summary>
        /// At a line start inside <paramref name="level"/>: does the current token begin a construct
        /// that belongs to an enclosing level (so this level is missing its <c>}</c>)? Keywords are
        /// identifiers in context, so each is recognised only in its full shape: <c>resource NAME</c>,
        /// <c>errors {</c>, <c>get GET "/path"</c>, <c>read {</c> …, never <c>read &lt;- x</c>.
        /// </summary>
        private bool IsOuterConstructStart(Level level)
        {
            var token = Current;
            if (token.Kind != TokenKind.Identifier) return false;
            var next = Peek(1);
            if (token.IsIdentifier("provider") && next.Kind == TokenKind.Identifier) return true;
            if (level == Level.File || level == Level.Provider) return false;

            if (LooksLikeProviderMember()) return true;
            if (level == Level.Resource) return false;

            if (LooksLikeOperationHeader()) return true;
            if (level == Level.Operation) return false;

            return LooksLikeOperationMember();
        }

        /// <summary><c>display_name X</c>, <c>base_url X</c>, <c>auth NAME</c>, <c>context NAME</c>, <c>errors {</c>, <c>enum NAME</c>, <c>resource NAME</c>.</summary>
        private bool LooksLikeProviderMember()
        {
            var token = Current;
            var next = Peek(1);
            switch (token.Value)
            {
                case "display_name":
                case "base_url":
                    return !next.IsAtLineStart && next.Kind == TokenKind.String;
                case "auth":
                case "context":
                case "enum":
                case "resource":
                    return next.Kind == TokenKind.Identifier && !next.IsAtLineStart;
                case "errors":
                    return next.Kind == TokenKind.OpenBrace;
                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>KIND METHOD "path" {</c> or <c>action NAME METHOD "path" {</c>, all on one line, and not
        /// an operation member such as <c>read from "data" {</c>.
        /// </summary>
        private bool LooksLikeOperationHeader()
        {
            if (Current.Kind != TokenKind.Identifier || LooksLikeOperationMember()) return false;
            var length = Current.IsIdentifier("action") && Peek(2).Kind == TokenKind.Identifier ? 4 : 3;
            for (var i = 1; i <= length; i++)
            {
                var token = Peek(i);
                if (token.IsAtLineStart) return false;
                var expected = i == length ? TokenKind.OpenBrace : i == length - 1 ? TokenKind.String : TokenKind.Identifier;
                if (token.Kind != expected) return false;
            }
            return true;
        }

        /// <summary><c>read {</c>, <c>read from</c>, <c>map {</c>, <c>write {</c>, <c>path {</c>, <c>query {</c>, <c>requires NAME</c>, <c>header "…"</c>.</summary>
        private bool LooksLikeOperationMember()
        {
            var token = Current;
            var next = Peek(1);
            switch (token.Value)
            {
                case "read":
                    return next.Kind == TokenKind.OpenBrace || next.IsIdentifier("from") || (next.IsIdentifier("record") && !next.IsAtLineStart);
                case "map":
                    return next.Kind == TokenKind.OpenBrace || next.IsIdentifier("from");
                case "write":
                case "path":
                case "query":
                    return next.Kind == TokenKind.OpenBrace;
                case "requires":
                case "next_page":
                    return next.Kind == TokenKind.Identifier && !next.IsAtLineStart;
                case "header":
                    return next.Kind == TokenKind.String;
                default:
                    return false;
            }
        }
    }
}
