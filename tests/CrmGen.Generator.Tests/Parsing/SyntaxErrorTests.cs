using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using static CrmGen.Generator.Tests.Parsing.ParserTestHelpers;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary>Exact messages, spans and positions of syntax errors, and recovery after them.</summary>
public class SyntaxErrorTests
{
    /// <summary>Asserts the diagnostics, formatted as "ID (line,col)-(line,col): message" with 1-based positions.</summary>
    private static CrmMapFileSyntax AssertDiagnostics(string text, params string[] expected)
    {
        var file = Parse(text);
        Assert.Equal(string.Join("\n", expected), Format(file).TrimEnd('\n'));
        return file;
    }

    [Fact]
    public void Equals_sign_instead_of_arrow()
    {
        var text = InRead("        first_name = x");
        var file = AssertDiagnostics(text, "CRM0001 (7,20)-(7,21): Expected '<-' or '<->' after 'first_name' but found '='");
        var d = file.Diagnostics[0];
        Assert.Equal(ParserTestHelpers.FilePath, d.FilePath);
        Assert.Equal(new TextSpan(text.IndexOf('='), 1), d.Span);
        Assert.Equal(new LinePositionSpan(new LinePosition(6, 19), new LinePosition(6, 20)), d.LineSpan);
        // The partial mapping is kept, with a missing source.
        var mapping = SingleReadMapping(file);
        Assert.Equal("first_name", SyntaxPrinter.Print(mapping.Target));
        Assert.IsType<MissingExpressionSyntax>(mapping.Source);
    }

    [Fact]
    public void Missing_arrow_names_the_whole_target_path()
    {
        AssertDiagnostics(InRead("properties.email : email"),
            "CRM0001 (7,18)-(7,19): Expected '<-' or '<->' after 'properties.email' but found ':'");
    }

    [Fact]
    public void Missing_expression_at_the_end_of_a_line_is_a_zero_width_span_after_the_arrow()
    {
        var text = InRead("a <-\nb <- c");
        var file = AssertDiagnostics(text, "CRM0001 (7,5)-(7,5): Expected an expression after '<-' but found 'b'");
        Assert.Equal(0, file.Diagnostics[0].Span.Length);
        Assert.Equal(text.IndexOf("<-", StringComparison.Ordinal) + 2, file.Diagnostics[0].Span.Start);
        Assert.Equal(new[] { "a <- <missing>", "b <- c" }, ReadSection(file).Block.Mappings.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void Missing_expression_before_a_closing_brace()
    {
        AssertDiagnostics("provider p { errors { message <- } }",
            "CRM0001 (1,33)-(1,33): Expected an expression after '<-' but found '}'");
    }

    [Fact]
    public void Missing_tokens_at_the_end_of_the_file()
    {
        AssertDiagnostics("provider p {\n  resource r {\n    get GET \"/x\" {\n      read { a <- b",
            "CRM0001 (4,20)-(4,20): Expected '}' to close the read block but found end of file");
        AssertDiagnostics("provider", "CRM0001 (1,9)-(1,9): Expected a provider name after 'provider' but found end of file");
        AssertDiagnostics("provider p", "CRM0001 (1,11)-(1,11): Expected '{' after 'p' but found end of file");
        AssertDiagnostics("provider p {", "CRM0001 (1,13)-(1,13): Expected '}' to close provider 'p' but found end of file");
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_once_and_every_later_member_is_parsed()
    {
        const string text = """
            provider p {
              base_url "x"
              auth bearer(credentials.token
              header "X"
              resource r {
                get GET "/x" {
                  read {
                    a <- b ??
                    c <- d
                    e <- if x then
                    f <- g
                    h <- x as
                    i <- y
                    j <- @
                    k <- @Hook
                    l <- z
                    m <- "{}"
                    n <- "{a b}"
                    o <- "{a"
                    p <- "a}"
                    q <- a == b == c
                    r <- a.
                    s <- a[x]
                    t <- a[1.5]
                    u <- a[99999999999]
                    v <- a each
                    w <- ok
                    x <- { a <- = } y <- z
                    first_name = x
                    d <- "abc
                    e <- b é c
                    f <- [a
                    g <- x
                  }
                }
              }
            }
            """;
        var file = AssertDiagnostics(text,
            "CRM0001 (3,32)-(3,32): Expected ',' or ')' in the arguments of 'bearer' but found 'header'",
            "CRM0001 (4,13)-(4,13): Expected an expression after '\"X\"' but found 'resource'",
            "CRM0001 (8,18)-(8,18): Expected an expression after '??' but found 'c'",
            "CRM0001 (10,23)-(10,23): Expected an expression after 'then' but found 'f'",
            "CRM0001 (12,18)-(12,18): Expected a conversion (datetime, date, epoch_s, epoch_ms, decimal, cents, int, string or bool) after 'as' but found 'i'",
            "CRM0001 (14,15)-(14,15): Expected a hook name after '@' but found 'k'",
            "CRM0001 (15,19)-(15,19): Expected '(' after 'Hook' but found 'l'",
            "CRM0001 (17,16)-(17,16): Expected an expression in the interpolation hole but found '}'",
            "CRM0001 (18,18)-(18,19): Expected '}' to end the interpolation hole but found 'b'",
            "CRM0002 (19,15)-(19,16): Unterminated interpolation hole: '{' has no closing '}' (write '{{' for a literal brace)",
            "CRM0002 (20,16)-(20,17): Unexpected '}' in string: write '}}' for a literal brace",
            "CRM0001 (21,21)-(21,23): Comparisons cannot be chained: add parentheses, as in '(a == b) == c'",
            "CRM0001 (22,16)-(22,16): Expected a name, a quoted name or '*' after '.' but found 's'",
            "CRM0001 (23,16)-(23,17): Expected an index (a non-negative integer) after '[' but found 'x'",
            "CRM0001 (24,16)-(24,19): Expected a non-negative integer inside '[ ]' but found '1.5'",
            "CRM0001 (25,16)-(25,27): Expected an index of at most 2147483647 inside '[ ]' but found '99999999999'",
            "CRM0001 (26,20)-(26,20): Expected an expression after 'each' but found 'w'",
            "CRM0001 (28,21)-(28,22): Expected an expression after '<-' but found '='",
            "CRM0001 (29,20)-(29,21): Expected '<-' or '<->' after 'first_name' but found '='",
            "CRM0002 (30,14)-(30,18): Unterminated string: add the closing '\"' before the end of the line",
            "CRM0002 (31,16)-(31,17): Unexpected character 'é' (U+00E9)",
            "CRM0001 (32,16)-(32,16): Expected ',' or ']' in the array but found 'g'");

        var provider = Assert.Single(file.Providers);
        Assert.Equal(new[] { "SettingSyntax", "AuthSyntax", "HeaderSyntax", "ResourceSyntax" }, provider.Members.Select(m => m.GetType().Name));
        var targets = ReadSection(file).Block.Mappings.Select(m => SyntaxPrinter.Print(m.Target));
        Assert.Equal(
            new[] { "a", "c", "e", "f", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "first_name", "d", "e", "f", "g" },
            targets);
    }

    [Fact]
    public void A_missing_closing_brace_is_reported_where_an_enclosing_construct_starts()
    {
        const string text = """
            provider p {
              resource a {
                get GET "/x" {
                  read { id <- id }
              }
              resource b {
                list GET "/y" {
                  read {
                    id <- id
                }
                create POST "/z" { write { a <- b } }
              }
            }
            """;
        var file = AssertDiagnostics(text,
            "CRM0001 (5,4)-(5,4): Expected '}' to close resource 'a' but found 'resource'",
            "CRM0001 (10,6)-(10,6): Expected '}' to close operation 'list' but found 'create'");
        var resources = file.Providers[0].Members.Cast<ResourceSyntax>().ToList();
        Assert.Equal(new[] { "a", "b" }, resources.Select(r => r.Name.Text));
        Assert.Equal(new[] { "list", "create" }, resources[1].Operations.Select(o => o.Kind.Text));
    }

    [Fact]
    public void A_missing_closing_brace_of_a_provider_before_the_next_provider()
    {
        var file = AssertDiagnostics("provider a {\n  base_url \"x\"\nprovider b {\n}\n",
            "CRM0001 (2,15)-(2,15): Expected '}' to close provider 'a' but found 'provider'");
        Assert.Equal(new[] { "a", "b" }, file.Providers.Select(p => p.Name.Text));
    }

    [Fact]
    public void A_missing_closing_brace_of_a_block_before_the_next_member()
    {
        var file = AssertDiagnostics(
            "provider p {\n resource r {\n  get GET \"/x\" {\n   write { a <- b\n   read { c <- d }\n  }\n }\n}",
            "CRM0001 (4,18)-(4,18): Expected '}' to close the write block but found 'read'");
        var operation = ((ResourceSyntax)file.Providers[0].Members[0]).Operations[0];
        Assert.Equal(new[] { "write", "read" }, operation.Members.Cast<MappingSectionSyntax>().Select(s => s.Kind.Text));
    }

    [Fact]
    public void Operations_outside_a_resource_are_reported_once_and_parsed()
    {
        const string text = """
            provider p {
              resource contacts
              }
                list GET "/c" { read from results { id <- id } }
                get GET "/c/{id}" { read { id <- id } }
              base_url "x"
            }
            """;
        var file = AssertDiagnostics(text,
            "CRM0001 (2,20)-(2,20): Expected '{' after 'contacts' but found '}'",
            "CRM0001 (4,5)-(4,9): Expected a provider member (display_name, base_url, auth, header, context, errors, enum or resource) but found the operation 'list'; operations belong inside 'resource NAME { … }'");
        Assert.IsType<SettingSyntax>(file.Providers[0].Members[^1]);
    }

    [Fact]
    public void Operation_members_outside_an_operation_are_reported_once()
    {
        const string text = """
            provider p {
              resource r {
                get GET "/x" }
                  read { id <- id }
                  write { a <- b }
                list GET "/y" { }
              }
            }
            """;
        var file = AssertDiagnostics(text,
            "CRM0001 (3,17)-(3,17): Expected '{' after '\"/x\"' but found '}'",
            "CRM0001 (4,7)-(4,11): Expected an operation (list, get, create, update, delete or action NAME) but found the operation member 'read'; members belong inside an operation");
        Assert.Equal(new[] { "get", "list" }, ((ResourceSyntax)file.Providers[0].Members[0]).Operations.Select(o => o.Kind.Text));
    }

    [Fact]
    public void Mappings_outside_a_block_are_reported_once()
    {
        const string text = """
            provider p {
              resource r {
                get GET "/x" {
                  read }
                    id <- id
                    name <- name
                  write { a <- b }
                }
              }
            }
            """;
        var file = AssertDiagnostics(text,
            "CRM0001 (4,11)-(4,11): Expected '{' after 'read' but found '}'",
            "CRM0001 (5,9)-(5,11): Expected an operation member (requires, path, query, header, read, write, map or next_page) but found a mapping; mappings belong inside 'read { … }', 'write { … }' or 'map { … }'");
        var members = ((ResourceSyntax)file.Providers[0].Members[0]).Operations[0].Members;
        Assert.Equal(new[] { "read", "write" }, members.Cast<MappingSectionSyntax>().Select(m => m.Kind.Text));
    }

    [Fact]
    public void A_closing_brace_typed_for_an_opening_one_in_mid_line_is_taken_as_the_brace()
    {
        var file = AssertDiagnostics("provider p {\n  errors } message <- error }\n  base_url \"x\"\n}",
            "CRM0001 (2,10)-(2,11): Expected '{' after 'errors' but found '}'");
        var errors = Assert.IsType<ErrorsSyntax>(file.Providers[0].Members[0]);
        Assert.Single(errors.Block.Mappings);
        Assert.Equal(2, file.Providers[0].Members.Count);
    }

    [Fact]
    public void A_stray_closing_brace_in_an_expression_does_not_close_the_block()
    {
        var file = AssertDiagnostics(InRead("a <- } { x <- y } ]\nb <- c"),
            "CRM0001 (7,5)-(7,5): Expected an expression after '<-' but found '}'");
        Assert.Equal(new[] { "a", "b" }, ReadSection(file).Block.Mappings.Select(m => SyntaxPrinter.Print(m.Target)));
    }

    [Fact]
    public void A_missing_opening_brace_does_not_take_the_brace_of_a_member_on_the_same_line()
    {
        var file = AssertDiagnostics("provider p { resource r {\n  update PATCH \"/c\" path { id <- x } write { a <- b } }\n} }",
            "CRM0001 (2,21)-(2,25): Expected '{' after '\"/c\"' but found 'path'");
        var operation = ((ResourceSyntax)file.Providers[0].Members[0]).Operations[0];
        Assert.Equal(new[] { "ParameterBlockSyntax", "MappingSectionSyntax" }, operation.Members.Select(m => m.GetType().Name));
    }

    [Fact]
    public void Names_missing_from_declarations_are_empty_identifiers()
    {
        var file = AssertDiagnostics("provider {\n  resource {\n    action POST \"/x\" { }\n  }\n  enum { \"a\" -> \"b\" }\n  context\n}",
            "CRM0001 (1,9)-(1,9): Expected a provider name after 'provider' but found '{'",
            "CRM0001 (2,11)-(2,11): Expected a resource name after 'resource' but found '{'",
            "CRM0001 (3,11)-(3,11): Expected an action name after 'action' but found 'POST'",
            "CRM0001 (5,7)-(5,7): Expected an enum name after 'enum' but found '{'",
            "CRM0001 (6,10)-(6,10): Expected a context value name after 'context' but found '}'");
        var provider = file.Providers[0];
        Assert.True(provider.Name.IsMissing);
        Assert.Equal(new TextSpan(8, 0), provider.Name.Span);
        var resource = Assert.IsType<ResourceSyntax>(provider.Members[0]);
        Assert.True(resource.Name.IsMissing);
        var action = Assert.Single(resource.Operations);
        Assert.True(action.Name!.IsMissing);
        Assert.Equal("POST", action.Method.Text);
        Assert.Equal("/x", action.PathTemplate.Value);
        Assert.True(Assert.IsType<EnumSyntax>(provider.Members[1]).Name.IsMissing);
        Assert.Single(((EnumSyntax)provider.Members[1]).Entries);
        Assert.True(Assert.IsType<ContextSyntax>(provider.Members[2]).Name.IsMissing);
    }

    [Fact]
    public void Operation_header_errors()
    {
        const string text = """
            provider p {
              resource r {
                get "/z" { }
                get GET { }
                get GET "/w"
                  read { a <- b }
                }
                "str" GET "/q" {}
                , list GET "/l" { }
              }
            }
            """;
        var file = AssertDiagnostics(text,
            "CRM0001 (3,9)-(3,13): Expected an HTTP method (GET, POST, PUT, PATCH or DELETE) after 'get' but found '\"/z\"'",
            "CRM0001 (4,12)-(4,12): Expected a path template (a string) after 'GET' but found '{'",
            "CRM0001 (5,17)-(5,17): Expected '{' after '\"/w\"' but found 'read'",
            "CRM0001 (8,5)-(8,10): Expected an operation (list, get, create, update, delete or action NAME) but found '\"str\"'",
            "CRM0001 (9,5)-(9,6): Expected an operation (list, get, create, update, delete or action NAME) but found ','");
        var operations = ((ResourceSyntax)file.Providers[0].Members[0]).Operations;
        Assert.Equal(3, operations.Count);
        Assert.True(operations[0].Method.IsMissing);
        Assert.Equal("/z", operations[0].PathTemplate.Value);
        Assert.Equal(string.Empty, operations[1].PathTemplate.Value);
        Assert.Equal(0, operations[1].PathTemplate.Span.Length);
        Assert.IsType<MappingSectionSyntax>(Assert.Single(operations[2].Members));
    }

    [Fact]
    public void Operation_member_errors()
    {
        const string text = """
            provider p {
              resource r {
                get GET "/x" {
                  requires a,
                  write { a <- b }
                  read from { a <- b }
                  write from x { a <- b }
                  "odd" { }
                  header x "y"
                  read { a <- b }
                }
              }
            }
            """;
        var file = AssertDiagnostics(text,
            "CRM0001 (4,18)-(4,18): Expected a field name after ',' but found 'write'",
            "CRM0001 (6,16)-(6,16): Expected a path after 'from' but found '{'",
            "CRM0001 (7,13)-(7,17): Expected '{' after 'write' but found 'from'",
            "CRM0001 (8,7)-(8,12): Expected an operation member (requires, path, query, header, read, write, map or next_page) but found '\"odd\"'",
            "CRM0001 (9,14)-(9,15): Expected a header name (a string) after 'header' but found 'x'");
        var members = ((ResourceSyntax)file.Providers[0].Members[0]).Operations[0].Members;
        Assert.Equal(
            new[] { "RequiresSyntax", "MappingSectionSyntax", "MappingSectionSyntax", "MappingSectionSyntax", "OperationHeaderSyntax", "MappingSectionSyntax" },
            members.Select(m => m.GetType().Name));
        Assert.Equal(new[] { "a" }, ((RequiresSyntax)members[0]).Fields.Select(f => f.Text));
        Assert.Null(((MappingSectionSyntax)members[2]).From);
        Assert.Single(((MappingSectionSyntax)members[3]).Block.Mappings);
    }

    [Fact]
    public void Provider_member_errors()
    {
        const string text = """
            provider p {
              list GET "/x" { read { id <- id } }
              auth
              header X "y"
              = 5
              "str"
              base_url "ok"
            }
            """;
        var file = AssertDiagnostics(text,
            "CRM0001 (2,3)-(2,7): Expected a provider member (display_name, base_url, auth, header, context, errors, enum or resource) but found the operation 'list'; operations belong inside 'resource NAME { … }'",
            "CRM0001 (3,7)-(3,7): Expected an auth scheme (bearer, oauth2, basic, api_key_header, api_key_query or none) after 'auth' but found 'header'",
            "CRM0001 (4,10)-(4,11): Expected a header name (a string) after 'header' but found 'X'",
            "CRM0001 (5,3)-(5,4): Expected a provider member (display_name, base_url, auth, header, context, errors, enum or resource) but found '='",
            "CRM0001 (6,3)-(6,8): Expected a provider member (display_name, base_url, auth, header, context, errors, enum or resource) but found '\"str\"'");
        var last = Assert.IsType<SettingSyntax>(file.Providers[0].Members[^1]);
        Assert.Equal("base_url", last.Keyword.Text);
        Assert.True(Assert.IsType<AuthSyntax>(file.Providers[0].Members[0]).Scheme.IsMissing);
    }

    [Fact]
    public void Enum_row_errors_skip_only_the_bad_row()
    {
        var file = AssertDiagnostics("provider p {\n  enum e { \"a\" -> \"b\", \"c\" \"d\", else -> x, \"e\" -> \"f\"\n  x -> \"y\"\n  \"g\" -> \"h\" }\n}",
            "CRM0001 (2,28)-(2,31): Expected '->' after '\"c\"' but found '\"d\"'",
            "CRM0001 (2,41)-(2,42): Expected a literal (a string, a number, true, false or null) after '->' but found 'x'",
            "CRM0001 (3,3)-(3,4): Expected an enum row (\"value\" -> \"value\" or else -> \"value\") but found 'x'");
        var entries = Assert.IsType<EnumSyntax>(file.Providers[0].Members[0]).Entries;
        Assert.Equal(new[] { "a", "e", "g" }, entries.Select(e => e.From!.Value));
    }

    [Fact]
    public void Text_outside_a_provider_is_one_error_until_the_next_provider()
    {
        var file = AssertDiagnostics("garbage here { and \"more\"\n stuff }\nprovider x { base_url \"a\" }\n}\n",
            "CRM0001 (1,1)-(1,8): Expected 'provider' but found 'garbage'",
            "CRM0001 (4,1)-(4,2): Expected 'provider' but found '}'");
        Assert.Equal("x", Assert.Single(file.Providers).Name.Text);
    }

    [Fact]
    public void Unclosed_brackets_recover_at_the_next_mapping()
    {
        var file = AssertDiagnostics("provider p { resource r { get GET \"/x\" { read { a <- f(x, y\n  b <- c\n  d <- [1, 2\n  e <- (a ?? b\n  g <- h\n} } } }",
            "CRM0001 (1,60)-(1,60): Expected ',' or ')' in the arguments of 'f' but found 'b'",
            "CRM0001 (3,13)-(3,13): Expected ',' or ']' in the array but found 'e'",
            "CRM0001 (4,15)-(4,15): Expected ')' after 'b' but found 'g'");
        Assert.Equal(new[] { "a", "b", "d", "e", "g" }, ReadSection(file).Block.Mappings.Select(m => SyntaxPrinter.Print(m.Target)));
    }

    [Fact]
    public void Extra_tokens_inside_brackets_are_skipped_to_the_closer()
    {
        var file = AssertDiagnostics(InRead("a <- f(x y, z) ?? w\nb <- [1 2 3]"),
            "CRM0001 (7,10)-(7,11): Expected ',' or ')' in the arguments of 'f' but found 'y'",
            "CRM0001 (8,9)-(8,10): Expected ',' or ']' in the array but found '2'");
        Assert.Equal(new[] { "a <- (?? f(x) w)", "b <- [1]" }, ReadSection(file).Block.Mappings.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void Lexer_errors_do_not_add_parser_errors_on_the_same_token()
    {
        AssertDiagnostics(InRead("a <- 日本\nb <- \"open\nc <- d"),
            "CRM0002 (7,6)-(7,8): Unexpected characters starting with '日' (U+65E5)",
            "CRM0002 (8,6)-(8,11): Unterminated string: add the closing '\"' before the end of the line");
    }

    [Fact]
    public void An_unterminated_comment_hides_the_rest_of_the_file()
    {
        AssertDiagnostics("provider p {\n/* unterminated\n}\n",
            "CRM0001 (1,13)-(1,13): Expected '}' to close provider 'p' but found end of file",
            "CRM0002 (2,1)-(2,3): Unterminated comment: '/*' has no closing '*/'");
    }

    [Fact]
    public void Settings_with_broken_values()
    {
        AssertDiagnostics("provider p {\n  base_url \"{context.instance_url\"\n  display_name \"{{ok}}\"\n}",
            "CRM0002 (2,13)-(2,14): Unterminated interpolation hole: '{' has no closing '}' (write '{{' for a literal brace)");
    }

    [Fact]
    public void Interpolation_errors_point_into_the_string()
    {
        var text = InRead("name <- \"{first_name} {last_name ?? = }\"");
        var file = AssertDiagnostics(text, "CRM0001 (7,37)-(7,38): Expected an expression after '??' but found '='");
        Assert.Equal(text.IndexOf('='), file.Diagnostics[0].Span.Start);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\u2028")]
    public void Positions_are_right_with_any_line_break(string lineBreak)
    {
        var text = string.Join(lineBreak, "provider p {", "  errors {", "    message = error", "  }", "}");
        var file = Parse(text);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal(new LinePositionSpan(new LinePosition(2, 12), new LinePosition(2, 13)), d.LineSpan);
        Assert.Equal(text.IndexOf('='), d.Span.Start);
    }

    [Fact]
    public void Errors_after_a_tab_count_the_tab_as_one_column()
    {
        var file = Parse("provider p {\n\terrors { message = error }\n}");
        Assert.Equal(new LinePosition(1, 18), Assert.Single(file.Diagnostics).LineSpan.Start);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var depth = 5000;
        var text = InRead("a <- " + new string('(', depth) + "x" + new string(')', depth) + "\nb <- c");
        var file = Parse(text);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("CRM0001", d.Id);
        Assert.Equal("Expressions and objects are nested too deeply (more than 200 levels)", Message(d));
        Assert.Equal(new[] { "a", "b" }, ReadSection(file).Block.Mappings.Select(m => SyntaxPrinter.Print(m.Target)));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{ k <- ", "}")]
    [InlineData("!", "")]
    [InlineData("f(", ")")]
    [InlineData("x each ", "")]
    [InlineData("if a then ", "")]
    public void Every_kind_of_deep_nesting_reports_once(string open, string close)
    {
        const int depth = 3000;
        var source = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
        var file = Parse(InRead("a <- " + source + "\nb <- c"));
        var d = Assert.Single(file.Diagnostics);
        Assert.Contains("nested too deeply", Message(d));
        Assert.Equal("b", SyntaxPrinter.Print(ReadSection(file).Block.Mappings[^1].Target));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_fine()
    {
        var depth = 150;
        ParseValid(InRead("a <- " + new string('(', depth) + "x" + new string(')', depth)));
        ParseValid(InRead("a <- " + string.Concat(Enumerable.Repeat("{ k <- ", depth)) + "x" + new string('}', depth)));
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_a_small_stack()
    {
        Exception? failure = null;
        CrmMapFileSyntax? file = null;
        var thread = new Thread(() =>
        {
            try
            {
                file = Parse(InRead("a <- " + string.Concat(Enumerable.Repeat("[{ k <- (", 10000)) + "x"));
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        Assert.NotNull(file);
        Assert.NotEmpty(file!.Diagnostics);
    }

    [Fact]
    public void Syntax_errors_in_one_file_do_not_stop_the_next_provider()
    {
        var file = Parse("provider a { resource r { get GET \"/x\" { read { a <- } } } }\nprovider b { base_url \"ok\" auth none }");
        Assert.Single(file.Diagnostics);
        Assert.Equal(2, file.Providers.Count);
        Assert.Equal(2, file.Providers[1].Members.Count);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var text = string.Concat(Enumerable.Repeat(CrmMapExamples.HubSpot + "\n", 20));
        Assert.ThrowsAny<OperationCanceledException>(() => Generator.Parsing.CrmMapParser.Parse("x", text, cts.Token));
    }

    [Fact]
    public void Null_arguments_are_treated_as_empty()
    {
        var file = Generator.Parsing.CrmMapParser.Parse(null!, null!);
        Assert.Empty(file.Providers);
        Assert.Empty(file.Diagnostics);
        Assert.Equal(string.Empty, file.FilePath);
    }
}
