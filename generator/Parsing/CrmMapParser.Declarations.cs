using System;
using System.Collections.Immutable;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Parsing;

internal static partial class CrmMapParser
{
    private sealed partial class Parser
    {
        private const string ProviderMembers = "a provider member (display_name, base_url, auth, header, context, errors, enum or resource)";
        private const string OperationKinds = "an operation (list, get, create, update, delete or action NAME)";
        private const string OperationMembers = "an operation member (requires, path, query, header, read, write, map or next_page)";

        /// <summary><c>file := provider*</c></summary>
        public ImmutableArray<ProviderSyntax> ParseFile()
        {
            var providers = ImmutableArray.CreateBuilder<ProviderSyntax>();
            while (!AtEnd)
            {
                CheckCancellation();
                var before = _position;
                if (Current.IsIdentifier("provider"))
                {
                    providers.Add(ParseProvider());
                }
                else
                {
                    ReportUnexpected("'provider'");
                    Advance();
                    SkipToSync(Level.File, stopAtComma: false);
                }
                if (_position == before) Advance();
            }
            return providers.ToImmutable();
        }

        /// <summary>
        /// After a member or mapping: resynchronise if it had an error, unless it ended with its own
        /// closing brace (its body already recovered, so what follows is parsed normally; a stray
        /// brace that was dropped does not count). Always makes progress.
        /// </summary>
        private void Recover(int before, int errorSerial, Level level, bool stopAtComma)
        {
            if (_errorSerial != errorSerial && !(_position > before && Previous.Kind == TokenKind.CloseBrace && _position - 1 != _strayCloseBrace))
            {
                if (_position == before) Advance();
                SkipToSync(level, stopAtComma);
            }
            else if (_position == before)
            {
                Advance();
            }
        }

        /// <summary>
        /// Expects a name. An identifier that starts a new line is not taken when the line clearly
        /// begins something else (a mapping, a member, a declaration): the name is missing instead.
        /// </summary>
        private IdentifierSyntax ExpectIdentifier(string what)
        {
            if (At(TokenKind.Identifier) && !(Current.IsAtLineStart && StartsConstructAtLineStart())) return ToIdentifier(Advance());
            ReportMissing(what + " " + After());
            return MissingIdentifier();
        }

        /// <summary>
        /// Expects <c>{</c>. When it is missing the error is reported and, if the rest of the line
        /// holds a <c>{</c>, the tokens before it are skipped; a <c>}</c> typed instead of the
        /// <c>{</c> in the middle of a line is taken as the brace; otherwise the body is parsed as
        /// if the brace were there.
        /// </summary>
        private void ExpectOpenBrace()
        {
            if (At(TokenKind.OpenBrace))
            {
                Advance();
                return;
            }
            var next = Peek(1);
            if (At(TokenKind.CloseBrace) && !Current.IsAtLineStart && !next.IsAtLineStart
                && next.Kind is not (TokenKind.EndOfFile or TokenKind.CloseBrace))
            {
                // 'errors } message <- error }': a '}' typed for the '{' in the middle of a line.
                ReportUnexpected("'{' " + After());
                Advance();
                return;
            }
            ReportMissing("'{' " + After());
            if (Current.IsAtLineStart) return;
            // A header is short: look a few tokens ahead only, so a long broken line stays linear.
            var limit = Math.Min(_tokens.Length, _position + 16);
            for (var i = _position; i < limit; i++)
            {
                var token = _tokens[i];
                if (token.Kind is TokenKind.EndOfFile or TokenKind.CloseBrace || (i > _position && token.IsAtLineStart)) return;
                // Do not take the brace of a member on the same line: 'update PATCH "/x" path { … }'.
                if (token.Kind == TokenKind.Identifier && IsBlockKeyword(token.Value)
                    && (_tokens[i + 1].Kind == TokenKind.OpenBrace || _tokens[i + 1].IsIdentifier("from")))
                {
                    return;
                }
                if (token.Kind == TokenKind.OpenBrace)
                {
                    while (_position <= i) Advance();
                    return;
                }
            }
        }

        private static bool IsBlockKeyword(string text)
            => text is "read" or "write" or "map" or "path" or "query" or "errors" or "each";

        private static string Owner(string kind, IdentifierSyntax name)
            => name.IsMissing ? "the " + kind : kind + " '" + name.Text + "'";

        /// <summary>
        /// Handles the end of a braced body: consumes <c>}</c> (true), or reports the missing
        /// <c>}</c> at the end or before a construct of an enclosing level (true: the body ends).
        /// </summary>
        private bool AtBodyEnd(Level level, string owner)
        {
            var token = Current;
            if (token.Kind == TokenKind.CloseBrace)
            {
                Advance();
                return true;
            }
            if (token.Kind == TokenKind.EndOfFile || (token.IsAtLineStart && IsOuterConstructStart(level)))
            {
                ReportMissing("'}' to close " + owner);
                return true;
            }
            return false;
        }

        /// <summary><c>provider := 'provider' IDENT '{' provider_member* '}'</c></summary>
        private ProviderSyntax ParseProvider()
        {
            var keyword = Advance();
            var name = ExpectIdentifier("a provider name");
            ExpectOpenBrace();
            var owner = Owner("provider", name);
            var members = ImmutableArray.CreateBuilder<ProviderMemberSyntax>();
            var strayReported = false;
            while (true)
            {
                CheckCancellation();
                if (AtBodyEnd(Level.Provider, owner)) break;
                if (At(TokenKind.Comma))
                {
                    Advance();
                    continue;
                }
                var before = _position;
                var serial = _errorSerial;
                var member = ParseProviderMember(ref strayReported);
                if (member is not null) members.Add(member);
                Recover(before, serial, Level.Provider, stopAtComma: false);
            }
            return new ProviderSyntax(name, members.ToImmutable(), SpanFrom(keyword.Start));
        }

        /// <param name="strayReported">
        /// Set once an operation outside a resource was reported; the operations right after it
        /// (typically a resource closed too early) are parsed and dropped without further errors.
        /// </param>
        private ProviderMemberSyntax? ParseProviderMember(ref bool strayReported)
        {
            var token = Current;
            if (token.Kind != TokenKind.Identifier)
            {
                ReportUnexpected(ProviderMembers);
                return null;
            }
            switch (token.Value)
            {
                case "auth":
                    strayReported = false;
                    return ParseAuth();
                case "header":
                    strayReported = false;
                    return ParseHeader();
                case "context":
                    strayReported = false;
                    return ParseContext();
                case "errors":
                    strayReported = false;
                    return ParseErrors();
                case "enum":
                    strayReported = false;
                    return ParseEnum();
                case "resource":
                    strayReported = false;
                    return ParseResource();
            }
            if (LooksLikeOperationHeader())
            {
                if (!strayReported)
                {
                    Report(token.Span, "Expected " + ProviderMembers + " but found the operation " + Describe(token)
                        + "; operations belong inside 'resource NAME { … }'");
                    strayReported = true;
                }
                ParseOperation();
                return null;
            }
            strayReported = false;
            return ParseSetting();
        }

        /// <summary>
        /// <c>display_name "X"</c>, <c>base_url expr</c>, or any other identifier: a setting whose
        /// value is an expression that starts on the same line, if there is one.
        /// </summary>
        private SettingSyntax ParseSetting()
        {
            var keyword = Advance();
            ExpressionSyntax? value = null;
            if (!Current.IsAtLineStart && CanStartExpression(Current)) value = ParseExpression();
            return new SettingSyntax(ToIdentifier(keyword), value, SpanFrom(keyword.Start));
        }

        /// <summary><c>'auth' IDENT ( '(' expr (',' expr)* ')' )?</c></summary>
        private AuthSyntax ParseAuth()
        {
            var keyword = Advance();
            var scheme = ExpectIdentifier("an auth scheme (bearer, oauth2, basic, api_key_header, api_key_query or none)");
            var arguments = EquatableArray<ExpressionSyntax>.Empty;
            if (!scheme.IsMissing && At(TokenKind.OpenParen)) arguments = ParseArguments("'" + scheme.Text + "'");
            return new AuthSyntax(scheme, arguments, SpanFrom(keyword.Start));
        }

        /// <summary><c>'header' STRING expr</c> (in a provider and in an operation).</summary>
        private HeaderSyntax ParseHeader()
        {
            var keyword = Advance();
            StringLiteralSyntax name;
            if (At(TokenKind.String))
            {
                var token = Advance();
                name = new StringLiteralSyntax(token.Value, token.Span);
            }
            else
            {
                ReportMissing("a header name (a string) " + After());
                name = new StringLiteralSyntax(string.Empty, MissingSpan);
            }
            var value = ParseExpression();
            return new HeaderSyntax(name, value, SpanFrom(keyword.Start));
        }

        /// <summary><c>'context' IDENT 'required'?</c></summary>
        private ContextSyntax ParseContext()
        {
            var keyword = Advance();
            var name = ExpectIdentifier("a context value name");
            var required = false;
            if (!name.IsMissing && Current.IsIdentifier("required"))
            {
                Advance();
                required = true;
            }
            return new ContextSyntax(name, required, SpanFrom(keyword.Start));
        }

        /// <summary><c>'errors' block</c></summary>
        private ErrorsSyntax ParseErrors()
        {
            var keyword = Advance();
            var block = ParseMappingBlock("the errors block");
            return new ErrorsSyntax(block, SpanFrom(keyword.Start));
        }

        /// <summary><c>'enum' IDENT '{' enum_row* '}'</c></summary>
        private EnumSyntax ParseEnum()
        {
            var keyword = Advance();
            var name = ExpectIdentifier("an enum name");
            ExpectOpenBrace();
            var owner = Owner("enum", name);
            var entries = ImmutableArray.CreateBuilder<EnumEntrySyntax>();
            while (true)
            {
                CheckCancellation();
                if (AtBodyEnd(Level.Enum, owner)) break;
                if (At(TokenKind.Comma))
                {
                    Advance();
                    continue;
                }
                var before = _position;
                var serial = _errorSerial;
                var entry = ParseEnumRow();
                if (entry is not null) entries.Add(entry);
                Recover(before, serial, Level.Enum, stopAtComma: true);
            }
            return new EnumSyntax(name, entries.ToImmutable(), SpanFrom(keyword.Start));
        }

        /// <summary><c>enum_row := (literal | 'else') '->' literal</c></summary>
        private EnumEntrySyntax? ParseEnumRow()
        {
            var start = Current.Start;
            LiteralSyntax? from = null;
            if (Current.IsIdentifier("else"))
            {
                Advance();
            }
            else if (!TryParseLiteral(out from))
            {
                ReportUnexpected("an enum row (\"value\" -> \"value\" or else -> \"value\")");
                return null;
            }
            if (!At(TokenKind.RightArrow))
            {
                ReportMissing("'->' " + After());
                return null;
            }
            Advance();
            if (!TryParseLiteral(out var to))
            {
                ReportMissing("a literal (a string, a number, true, false or null) " + After());
                return null;
            }
            return new EnumEntrySyntax(from, to!, SpanFrom(start));
        }

        /// <summary>A literal of an enum row: a string (escapes decoded), a number, true, false or null.</summary>
        private bool TryParseLiteral(out LiteralSyntax? literal)
        {
            var token = Current;
            LiteralKind kind;
            switch (token.Kind)
            {
                case TokenKind.String:
                    kind = LiteralKind.String;
                    break;
                case TokenKind.Number:
                    kind = LiteralKind.Number;
                    break;
                case TokenKind.Identifier when token.IsIdentifier("true"):
                    kind = LiteralKind.True;
                    break;
                case TokenKind.Identifier when token.IsIdentifier("false"):
                    kind = LiteralKind.False;
                    break;
                case TokenKind.Identifier when token.IsIdentifier("null"):
                    kind = LiteralKind.Null;
                    break;
                default:
                    literal = null;
                    return false;
            }
            Advance();
            literal = new LiteralSyntax(kind, token.Value, token.Span);
            return true;
        }

        /// <summary><c>'resource' IDENT '{' operation* '}'</c></summary>
        private ResourceSyntax ParseResource()
        {
            var keyword = Advance();
            var name = ExpectIdentifier("a resource name");
            ExpectOpenBrace();
            var owner = Owner("resource", name);
            var operations = ImmutableArray.CreateBuilder<OperationSyntax>();
            var records = ImmutableArray.CreateBuilder<RecordMappingSyntax>();
            var strayReported = false;
            while (true)
            {
                CheckCancellation();
                if (AtBodyEnd(Level.Resource, owner)) break;
                var before = _position;
                var serial = _errorSerial;
                if (Current.IsIdentifier("record") && Peek(1).Kind == TokenKind.OpenBrace)
                {
                    strayReported = false;
                    var recordKeyword = Advance();
                    var recordBlock = ParseMappingBlock("the record block");
                    records.Add(new RecordMappingSyntax(ToIdentifier(recordKeyword), recordBlock, SpanFrom(recordKeyword.Start)));
                }
                else if (At(TokenKind.Identifier) && LooksLikeOperationMember())
                {
                    // An operation closed too early: report its stray members once, parse and drop them.
                    if (!strayReported)
                    {
                        Report(Current.Span, "Expected " + OperationKinds + " but found the operation member " + Describe(Current)
                            + "; members belong inside an operation");
                        strayReported = true;
                    }
                    var mappingsReported = false;
                    ParseOperationMember(ref mappingsReported);
                }
                else if (At(TokenKind.Identifier))
                {
                    strayReported = false;
                    operations.Add(ParseOperation());
                }
                else
                {
                    ReportUnexpected(OperationKinds);
                }
                Recover(before, serial, Level.Resource, stopAtComma: false);
            }
            return new ResourceSyntax(name, operations.ToImmutable(), SpanFrom(keyword.Start)) { Records = records.ToImmutable() };
        }

        /// <summary><c>operation := IDENT ('action' name: IDENT)? METHOD STRING '{' operation_member* '}'</c></summary>
        private OperationSyntax ParseOperation()
        {
            var kindToken = Advance();
            var kind = ToIdentifier(kindToken);
            IdentifierSyntax? name = null;
            if (kindToken.IsIdentifier("action"))
            {
                if (At(TokenKind.Identifier) && Peek(1).Kind == TokenKind.String)
                {
                    // 'action POST "/x"': the name is what is missing, not the method.
                    Report(MissingSpan, "Expected an action name " + After() + " but found " + Describe(Current));
                    name = MissingIdentifier();
                }
                else
                {
                    name = ExpectIdentifier("an action name");
                }
            }
            var method = ExpectIdentifier("an HTTP method (GET, POST, PUT, PATCH or DELETE)");
            StringLiteralSyntax path;
            if (At(TokenKind.String))
            {
                var token = Advance();
                path = new StringLiteralSyntax(token.Value, token.Span);
            }
            else
            {
                ReportMissing("a path template (a string) " + After());
                path = new StringLiteralSyntax(string.Empty, MissingSpan);
            }
            ExpectOpenBrace();

            var owner = name is { IsMissing: false }
                ? "operation '" + kind.Text + " " + name.Text + "'"
                : "operation '" + kind.Text + "'";
            var members = ImmutableArray.CreateBuilder<OperationMemberSyntax>();
            var strayReported = false;
            while (true)
            {
                CheckCancellation();
                if (AtBodyEnd(Level.Operation, owner)) break;
                var before = _position;
                var serial = _errorSerial;
                var member = ParseOperationMember(ref strayReported);
                if (member is not null) members.Add(member);
                Recover(before, serial, Level.Operation, stopAtComma: false);
            }
            return new OperationSyntax(kind, name, method, path, members.ToImmutable(), SpanFrom(kindToken.Start));
        }

        /// <param name="strayReported">
        /// Set once a mapping outside a block was reported; the mappings right after it (typically a
        /// block closed too early) are parsed and dropped without further errors.
        /// </param>
        private OperationMemberSyntax? ParseOperationMember(ref bool strayReported)
        {
            var token = Current;
            if (LooksLikeMappingStart())
            {
                if (!strayReported)
                {
                    Report(token.Span, "Expected " + OperationMembers + " but found a mapping; mappings belong inside 'read { … }', 'write { … }' or 'map { … }'");
                    strayReported = true;
                }
                ParseMapping();
                return null;
            }
            strayReported = false;
            if (token.Kind != TokenKind.Identifier)
            {
                ReportUnexpected(OperationMembers);
                return null;
            }
            switch (token.Value)
            {
                case "requires":
                    return ParseRequires();
                case "path":
                case "query":
                {
                    var keyword = Advance();
                    var block = ParseMappingBlock("the " + keyword.Value + " block");
                    return new ParameterBlockSyntax(ToIdentifier(keyword), block, SpanFrom(keyword.Start));
                }
                case "header":
                {
                    var header = ParseHeader();
                    return new OperationHeaderSyntax(header, header.Span);
                }
                case "read":
                case "write":
                case "map":
                    return ParseMappingSection();
                case "next_page" when LooksLikeOperationMember():
                    return ParseNextPage();
                default:
                    return ParseUnknownOperationMember();
            }
        }

        /// <summary><c>'next_page' IDENT '&lt;-' expr</c>: how a list operation finds its next page.</summary>
        private NextPageSyntax ParseNextPage()
        {
            var keyword = Advance();
            var kind = ExpectIdentifier("'cursor' or 'url'");
            ExpressionSyntax? value = null;
            if (At(TokenKind.LeftArrow))
            {
                Advance();
                value = ParseExpression();
            }
            else
            {
                ReportMissing("'<-' and the value that reads the next page from the response " + After());
            }
            return new NextPageSyntax(ToIdentifier(keyword), kind, value, SpanFrom(keyword.Start));
        }

        /// <summary><c>'requires' IDENT (',' IDENT)*</c></summary>
        private RequiresSyntax ParseRequires()
        {
            var keyword = Advance();
            var fields = ImmutableArray.CreateBuilder<IdentifierSyntax>();
            fields.Add(ExpectIdentifier("a field name"));
            while (At(TokenKind.Comma))
            {
                Advance();
                // A trailing comma before the next member is a missing field, not a field called 'write'.
                if (At(TokenKind.Identifier)
                    && !(Current.IsAtLineStart && (LooksLikeOperationMember() || IsOuterConstructStart(Level.Operation))))
                {
                    fields.Add(ToIdentifier(Advance()));
                }
                else
                {
                    ReportMissing("a field name " + After());
                    break;
                }
            }
            return new RequiresSyntax(fields.ToImmutable(), SpanFrom(keyword.Start));
        }

        /// <summary>
        /// <c>'read' ('from' path)? (block | 'record')</c>, <c>'write' block</c>,
        /// <c>'map' ('from' path)? block</c>
        /// </summary>
        private MappingSectionSyntax ParseMappingSection()
        {
            var keyword = Advance();
            PathSyntax? from = null;
            if (!keyword.IsIdentifier("write") && Current.IsIdentifier("from"))
            {
                Advance();
                if (CanStartPath(Current) && !Current.IsAtLineStart) from = ParsePath();
                else ReportMissing("a path " + After());
            }
            if (keyword.IsIdentifier("read") && Current.IsIdentifier("record") && !Current.IsAtLineStart && Peek(1).Kind != TokenKind.LeftArrow)
            {
                // The resource's record mapping stands in for the block.
                var record = ToIdentifier(Advance());
                var empty = new MappingBlockSyntax(EquatableArray<MappingSyntax>.Empty, record.Span);
                return new MappingSectionSyntax(ToIdentifier(keyword), from, empty, SpanFrom(keyword.Start)) { Record = record };
            }
            var block = ParseMappingBlock("the " + keyword.Value + " block");
            return new MappingSectionSyntax(ToIdentifier(keyword), from, block, SpanFrom(keyword.Start));
        }

        /// <summary>
        /// Any other identifier in an operation: its tokens are skipped (brackets whole) up to the
        /// next member — a new line, a known member on the same line, or the operation's <c>}</c>.
        /// The binder reports it.
        /// </summary>
        private UnknownOperationMemberSyntax ParseUnknownOperationMember()
        {
            var keyword = Advance();
            var depth = 0;
            while (!AtEnd)
            {
                CheckCancellation();
                var token = Current;
                if (depth == 0)
                {
                    if (token.IsAtLineStart || token.Kind == TokenKind.CloseBrace) break;
                    if (token.Kind == TokenKind.Identifier && LooksLikeOperationMember()) break;
                }
                else if (token.IsAtLineStart && IsOuterConstructStart(Level.Operation))
                {
                    break;
                }
                if (IsOpener(token.Kind)) depth++;
                else if (IsCloser(token.Kind) && depth > 0) depth--;
                Advance();
            }
            return new UnknownOperationMemberSyntax(ToIdentifier(keyword), SpanFrom(keyword.Start));
        }
    }
}
