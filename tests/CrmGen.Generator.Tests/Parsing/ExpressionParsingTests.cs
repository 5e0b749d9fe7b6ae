using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using static CrmGen.Generator.Tests.Parsing.ParserTestHelpers;

namespace CrmGen.Generator.Tests.Parsing;

public class ExpressionParsingTests
{
    [Theory]
    // paths
    [InlineData("a", "a")]
    [InlineData("a.b.c", "a.b.c")]
    [InlineData("a[0].b", "a[0].b")]
    [InlineData("emails[12]", "emails[12]")]
    [InlineData("\"odd key\".x", "'odd key'.x")]
    [InlineData("a.\"odd key\"", "a.'odd key'")]
    [InlineData("\"x\"[1]", "x[1]")]
    [InlineData("properties.*", "properties.*")]
    [InlineData("*", "*")]
    [InlineData("$", "$")]
    [InlineData("$.id", "$.id")]
    [InlineData("context.location_id", "context.location_id")]
    [InlineData("credentials.api_key", "credentials.api_key")]
    // keywords are identifiers in context
    [InlineData("read.list", "read.list")]
    [InlineData("true.x", "true.x")]
    [InlineData("null[0]", "null[0]")]
    [InlineData("if", "if")]
    [InlineData("each", "each")]
    // literals
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("12.5", "12.5")]
    [InlineData("-3", "-3")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    // operators and precedence
    [InlineData("a ?? b", "(?? a b)")]
    [InlineData("a ?? b ?? c", "(?? (?? a b) c)")]
    [InlineData("a || b && c", "(|| a (&& b c))")]
    [InlineData("a && b || c", "(|| (&& a b) c)")]
    [InlineData("a == b && c != d", "(&& (== a b) (!= c d))")]
    [InlineData("a || b ?? c", "(?? (|| a b) c)")]
    [InlineData("a ?? b || c", "(?? a (|| b c))")]
    [InlineData("!a", "(! a)")]
    [InlineData("!!a == b", "(== (! (! a)) b)")]
    [InlineData("!(a == b)", "(! (== a b))")]
    [InlineData("(a ?? b) ?? c", "(?? (?? a b) c)")]
    [InlineData("a ?? (b ?? c)", "(?? a (?? b c))")]
    // postfix binds tighter than binary operators
    [InlineData("a as datetime ?? b", "(?? (as a datetime) b)")]
    [InlineData("a via t == \"x\"", "(== (via a t) \"x\")")]
    [InlineData("a as string as int", "(as (as a string) int)")]
    [InlineData("!a as bool", "(! (as a bool))")]
    [InlineData("x via stage_status", "(via x stage_status)")]
    // projections
    [InlineData("list each name", "(each list name)")]
    [InlineData("list each $", "(each list $)")]
    [InlineData("list each { id <- id, name <- label }", "(each list {id <- id, name <- label})")]
    [InlineData("tags each name as string", "(each tags (as name string))")]
    [InlineData("a each b each c", "(each a (each b c))")]
    [InlineData("statuses each { id <- id } ?? []", "(?? (each statuses {id <- id}) [])")]
    [InlineData("rows each { items <- items each { v <- $ } }", "(each rows {items <- (each items {v <- $})})")]
    // conditionals
    [InlineData("if a then b else c", "(if a b c)")]
    [InlineData("if a then b", "(if a b)")]
    [InlineData("if a == \"x\" then b ?? c else d as int", "(if (== a \"x\") (?? b c) (as d int))")]
    [InlineData("if a then if b then c else d else e", "(if a (if b c d) e)")]
    [InlineData("a ?? (if b then c)", "(?? a (if b c))")]
    // calls, hooks, arrays, objects
    [InlineData("split(x, \",\")", "split(x, \",\")")]
    [InlineData("exists(x)", "exists(x)")]
    [InlineData("now()", "now()")]
    [InlineData("lower(trim(x))", "lower(trim(x))")]
    [InlineData("@FormatPhone(x)", "@FormatPhone(x)")]
    [InlineData("@Make()", "@Make()")]
    [InlineData("@Combine(a, b as int, \"c\")", "@Combine(a, (as b int), \"c\")")]
    [InlineData("[ a, b ]", "[a, b]")]
    [InlineData("[]", "[]")]
    [InlineData("[ { number <- @NormalizePhone(properties.phone), type <- \"phone\" } ]", "[{number <- @NormalizePhone(properties.phone), type <- \"phone\"}]")]
    [InlineData("{ id <- id }", "{id <- id}")]
    [InlineData("{ id <- id name <- label }", "{id <- id, name <- label}")]
    [InlineData("{ }", "{}")]
    [InlineData("{ a.b <- c, \"x y\" <- d, e[0] <- f }", "{a.b <- c, 'x y' <- d, e[0] <- f}")]
    [InlineData("{ id <-> id }", "{id <-> id}")]
    public void Expression_parses_to_the_expected_tree(string source, string expected)
    {
        Assert.Equal(expected, SyntaxPrinter.Print(Expression(source)));
    }

    [Fact]
    public void Literals_carry_kind_and_value()
    {
        Assert.Equal(new LiteralSyntax(LiteralKind.Number, "12.5", new TextSpan(0, 4)) with { Span = default }, ((LiteralSyntax)Expression("12.5")) with { Span = default });
        Assert.Equal(LiteralKind.True, ((LiteralSyntax)Expression("true")).Kind);
        Assert.Equal(LiteralKind.False, ((LiteralSyntax)Expression("false")).Kind);
        Assert.Equal(LiteralKind.Null, ((LiteralSyntax)Expression("null")).Kind);
        var text = (LiteralSyntax)Expression("\"a\\tb\\u0041\"");
        Assert.Equal(LiteralKind.String, text.Kind);
        Assert.Equal("a\tbA", text.Value);
    }

    [Fact]
    public void Path_segments_carry_kind_name_index_and_span()
    {
        const string source = "\"odd key\".items[3].*";
        var text = InRead("x <- " + source);
        var path = Assert.IsType<PathSyntax>(SingleReadMapping(ParseValid(text)).Source);
        var offset = text.IndexOf(source, StringComparison.Ordinal);
        Assert.Equal(new TextSpan(offset, source.Length), path.Span);
        Assert.Collection(
            path.Segments,
            s => Assert.Equal(new PathSegmentSyntax(PathSegmentKind.Name, "odd key", -1, new TextSpan(offset, 9)), s),
            s => Assert.Equal(new PathSegmentSyntax(PathSegmentKind.Name, "items", -1, new TextSpan(offset + 10, 5)), s),
            s => Assert.Equal(new PathSegmentSyntax(PathSegmentKind.Index, "3", 3, new TextSpan(offset + 15, 3)), s),
            s => Assert.Equal(new PathSegmentSyntax(PathSegmentKind.Wildcard, "*", -1, new TextSpan(offset + 19, 1)), s));
    }

    [Fact]
    public void Current_element_is_a_path_segment()
    {
        var path = Assert.IsType<PathSyntax>(Expression("$"));
        var segment = Assert.Single(path.Segments);
        Assert.Equal(PathSegmentKind.Current, segment.Kind);
        Assert.Equal("$", segment.Name);
    }

    [Fact]
    public void Call_and_hook_differ_only_in_IsHook()
    {
        var call = Assert.IsType<CallSyntax>(Expression("split(x, \",\")"));
        Assert.False(call.IsHook);
        Assert.Equal("split", call.Name.Text);
        Assert.Equal(2, call.Arguments.Count);
        var hook = Assert.IsType<CallSyntax>(Expression("@NormalizePhone(properties.phone)"));
        Assert.True(hook.IsHook);
        Assert.Equal("NormalizePhone", hook.Name.Text);
        Assert.Single(hook.Arguments);
    }

    [Fact]
    public void Node_spans_cover_their_source_exactly()
    {
        const string source = "if a.b == \"x\" then f(c, [d]) ?? @H(e) else { k <- v } ";
        var text = InRead("x <- " + source);
        var expression = SingleReadMapping(ParseValid(text)).Source;
        var offset = text.IndexOf(source, StringComparison.Ordinal);
        var conditional = Assert.IsType<ConditionalSyntax>(expression);
        Assert.Equal(source.TrimEnd(), TextOf(text, conditional.Span));
        Assert.Equal("a.b == \"x\"", TextOf(text, conditional.Condition.Span));
        Assert.Equal("f(c, [d]) ?? @H(e)", TextOf(text, conditional.WhenTrue.Span));
        Assert.Equal("{ k <- v }", TextOf(text, conditional.WhenFalse!.Span));
        var coalesce = Assert.IsType<BinarySyntax>(conditional.WhenTrue);
        Assert.Equal("f(c, [d])", TextOf(text, coalesce.Left.Span));
        Assert.Equal("@H(e)", TextOf(text, coalesce.Right.Span));
        Assert.Equal("[d]", TextOf(text, ((CallSyntax)coalesce.Left).Arguments[1].Span));
        Assert.Equal(offset, conditional.Span.Start);
    }

    [Fact]
    public void Postfix_spans_run_from_the_operand_to_the_last_name()
    {
        const string source = "statuses each { id <- id } as string via t";
        var text = InRead("x <- " + source);
        var lookup = Assert.IsType<EnumLookupSyntax>(SingleReadMapping(ParseValid(text)).Source);
        Assert.Equal(source, TextOf(text, lookup.Span));
        Assert.Equal("t", TextOf(text, lookup.Table.Span));
        var conversion = Assert.IsType<ConversionSyntax>(lookup.Operand);
        Assert.Equal("statuses each { id <- id } as string", TextOf(text, conversion.Span));
        var projection = Assert.IsType<ProjectionSyntax>(conversion.Operand);
        var element = Assert.IsType<ObjectSyntax>(projection.Element);
        Assert.Equal("{ id <- id }", TextOf(text, element.Span));
        Assert.Equal(element.Span, element.Block.Span);
    }

    [Fact]
    public void Postfix_words_at_a_line_start_can_be_mapping_targets()
    {
        var file = ParseValid(InRead("a <- b\nas <- c\nvia <- d\neach <- e\nelse <- f\nthen <- g"));
        var mappings = ReadSection(file).Block.Mappings.Select(SyntaxPrinter.Print);
        Assert.Equal(new[] { "a <- b", "as <- c", "via <- d", "each <- e", "else <- f", "then <- g" }, mappings);
    }

    [Fact]
    public void Postfix_words_continue_an_expression_across_lines_when_followed_by_their_operand()
    {
        var file = ParseValid(InRead("a <- b\n  as datetime\nc <- if x then y\n  else z\nd <- tags\n  each name"));
        var mappings = ReadSection(file).Block.Mappings.Select(SyntaxPrinter.Print);
        Assert.Equal(new[] { "a <- (as b datetime)", "c <- (if x y z)", "d <- (each tags name)" }, mappings);
    }

    [Fact]
    public void Two_way_mappings_use_the_two_way_arrow()
    {
        var file = ParseValid(InRead("first_name <-> firstName\ncustom_fields <-> properties.*"));
        var mappings = ReadSection(file).Block.Mappings;
        Assert.All(mappings, m => Assert.Equal(MappingArrow.TwoWay, m.Arrow));
        Assert.Equal("custom_fields <-> properties.*", SyntaxPrinter.Print(mappings[1]));
    }

    [Fact]
    public void Mapping_targets_are_paths_including_a_spread()
    {
        var file = ParseValid(InRead("properties.email <- email\nproperties.* <- custom_fields\n\"odd-key\".value <- x\nlist[0].x <- y\n$.x <- z\n* <- w"));
        var targets = ReadSection(file).Block.Mappings.Select(m => SyntaxPrinter.Print(m.Target));
        Assert.Equal(new[] { "properties.email", "properties.*", "'odd-key'.value", "list[0].x", "$.x", "*" }, targets);
    }

    [Fact]
    public void Mapping_span_covers_target_to_source()
    {
        var text = InRead("   first_name <- properties.firstname ?? \"\"   ");
        var mapping = SingleReadMapping(ParseValid(text));
        Assert.Equal("first_name <- properties.firstname ?? \"\"", TextOf(text, mapping.Span));
        Assert.Equal("first_name", TextOf(text, mapping.Target.Span));
    }

    [Fact]
    public void A_string_without_holes_is_a_literal_with_literal_braces_collapsed()
    {
        var literal = Assert.IsType<LiteralSyntax>(Expression("\"{{not a hole}} }}\""));
        Assert.Equal(LiteralKind.String, literal.Kind);
        Assert.Equal("{not a hole} }", literal.Value);
    }

    [Fact]
    public void Interpolation_parts_alternate_text_and_holes_with_file_spans()
    {
        const string source = "\"{first_name} {last_name}!\"";
        var text = InRead("name <- " + source);
        var interpolated = Assert.IsType<InterpolatedStringSyntax>(SingleReadMapping(ParseValid(text)).Source);
        var offset = text.IndexOf(source, StringComparison.Ordinal);
        Assert.Equal(new TextSpan(offset, source.Length), interpolated.Span);
        Assert.Equal(4, interpolated.Parts.Count);
        Assert.Equal("{first_name}", TextOf(text, interpolated.Parts[0].Span));
        Assert.Equal("first_name", TextOf(text, interpolated.Parts[0].Expression!.Span));
        Assert.Null(interpolated.Parts[0].Text);
        Assert.Equal(" ", interpolated.Parts[1].Text);
        Assert.Null(interpolated.Parts[1].Expression);
        Assert.Equal(new TextSpan(offset + 13, 1), interpolated.Parts[1].Span);
        Assert.Equal("last_name", TextOf(text, interpolated.Parts[2].Expression!.Span));
        Assert.Equal("!", interpolated.Parts[3].Text);
    }

    [Theory]
    [InlineData("\"{a}\"", "$\"{a}\"")]
    [InlineData("\"x{a}\"", "$\"x{a}\"")]
    [InlineData("\"{a}{b}\"", "$\"{a}{b}\"")]
    [InlineData("\"{{{a}}}\"", "$\"{{a}}\"")]
    [InlineData("\"{ a ?? \\\"\\\" }\"", null)]
    [InlineData("\"{context.instance_url}/services/data/v60.0\"", "$\"{context.instance_url}/services/data/v60.0\"")]
    [InlineData("\"{ a.b as string } and {f(x, y)}\"", "$\"{(as a.b string)} and {f(x, y)}\"")]
    [InlineData("\"{ { id <- id } }\"", "$\"{{id <- id}}\"")]
    [InlineData("\"tab\\t{a}\\u0041\"", "$\"tab\t{a}A\"")]
    [InlineData("\"{if a then \\\"x\\\"}\"", null)]
    public void Interpolations_parse_holes_as_full_expressions(string source, string? expected)
    {
        if (expected is null)
        {
            // A quote cannot be written inside a hole: the hole ends up invalid, and that is reported.
            var file = Parse(InRead("x <- " + source));
            Assert.NotEmpty(file.Diagnostics);
            return;
        }
        Assert.Equal(expected, SyntaxPrinter.Print(Expression(source)));
    }

    [Fact]
    public void Negative_numbers_need_the_digit_right_after_the_minus()
    {
        Assert.Equal("-12.5", ((LiteralSyntax)Expression("-12.5")).Value);
        var file = Parse(InRead("x <- - 12"));
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("Expected an expression after '<-' but found '-'", Message(d));
    }
}
