using CrmGen.Generator.Syntax;
using static CrmGen.Generator.Tests.Parsing.ParserTestHelpers;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary><c>* matching "…"</c>: the key filter of a catch-all, its spans, and recovery around it.</summary>
public class KeyPatternParsingTests
{
    private static CrmMapFileSyntax AssertDiagnostics(string text, params string[] expected)
    {
        var file = Parse(text);
        Assert.Equal(string.Join("\n", expected), Format(file).TrimEnd('\n'));
        return file;
    }

    [Fact]
    public void Matching_is_a_postfix_with_the_pattern_taken_as_written()
    {
        const string source = "* matching \"^[0-9a-f]{40}$\"";
        var text = InRead("custom_fields <- " + source);
        var matching = Assert.IsType<MatchingSyntax>(SingleReadMapping(ParseValid(text)).Source);
        Assert.Equal(source, TextOf(text, matching.Span));
        Assert.Equal("*", SyntaxPrinter.Print(matching.Operand));
        Assert.Equal("matching", TextOf(text, matching.Keyword.Span));
        Assert.Equal("matching", matching.Keyword.Text);
        Assert.Equal("\"^[0-9a-f]{40}$\"", TextOf(text, matching.Pattern!.Span));
        // Braces are not interpolation holes in a pattern: '{40}' is a count, kept as written.
        Assert.Equal("^[0-9a-f]{40}$", matching.Pattern.Value);
    }

    [Fact]
    public void Escapes_in_the_pattern_are_decoded_as_in_every_string()
    {
        var matching = Assert.IsType<MatchingSyntax>(Expression("properties.* matching \"^custom\\\\.cf_\\u0041\""));
        Assert.Equal("properties.*", SyntaxPrinter.Print(matching.Operand));
        Assert.Equal("^custom\\.cf_A", matching.Pattern!.Value);
    }

    [Theory]
    [InlineData("* matching \"^cf_\"", "(matching * /^cf_/)")]
    [InlineData("properties.* matching \"x\"", "(matching properties.* /x/)")]
    [InlineData("* matching \"a\" ?? b", "(?? (matching * /a/) b)")]
    [InlineData("* matching \"a\" as string", "(as (matching * /a/) string)")]
    [InlineData("first_name matching \"a\"", "(matching first_name /a/)")]
    [InlineData("* matching \"{a}\"", "(matching * /{a}/)")]
    [InlineData("* matching \"\"", "(matching * //)")]
    public void Matching_binds_like_the_other_postfix_words(string source, string expected)
    {
        Assert.Equal(expected, SyntaxPrinter.Print(Expression(source)));
    }

    [Fact]
    public void Matching_works_in_two_way_rows()
    {
        var file = ParseValid(InRead("custom_fields <-> data.* matching \"^cf_\""));
        var mapping = SingleReadMapping(file);
        Assert.Equal(MappingArrow.TwoWay, mapping.Arrow);
        Assert.Equal("custom_fields <-> (matching data.* /^cf_/)", SyntaxPrinter.Print(mapping));
    }

    [Fact]
    public void Matching_continues_a_line_only_with_its_pattern_and_is_otherwise_a_target()
    {
        var file = ParseValid(InRead("a <- *\n  matching \"^cf_\"\nmatching <- b\nc <- d"));
        Assert.Equal(new[] { "a <- (matching * /^cf_/)", "matching <- b", "c <- d" },
            ReadSection(file).Block.Mappings.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void A_quoted_target_on_the_next_line_is_not_taken_as_the_pattern()
    {
        var text = InRead("a <- * matching\n\"odd key\" <- b");
        var file = AssertDiagnostics(text,
            "CRM0001 (7,16)-(7,16): Expected a key pattern (a regular expression in a string, as in '* matching \"^cf_\"') after 'matching' but found '\"odd key\"'");
        Assert.Equal(new[] { "a <- (matching * ?)", "'odd key' <- b" }, ReadSection(file).Block.Mappings.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void A_missing_pattern_is_reported_after_matching_and_the_next_mapping_parses()
    {
        var text = InRead("custom_fields <- * matching\nname <- n");
        var file = AssertDiagnostics(text,
            "CRM0001 (7,28)-(7,28): Expected a key pattern (a regular expression in a string, as in '* matching \"^cf_\"') after 'matching' but found 'name'");
        var mappings = ReadSection(file).Block.Mappings;
        var matching = Assert.IsType<MatchingSyntax>(mappings[0].Source);
        Assert.Null(matching.Pattern);
        Assert.Equal("* matching", TextOf(text, matching.Span));
        Assert.Equal("name <- n", SyntaxPrinter.Print(mappings[1]));
    }

    [Fact]
    public void A_pattern_that_is_not_a_string_is_reported_where_it_stands()
    {
        var text = InRead("custom_fields <- * matching cf_ , name <- n");
        var file = AssertDiagnostics(text,
            "CRM0001 (7,29)-(7,32): Expected a key pattern (a regular expression in a string, as in '* matching \"^cf_\"') after 'matching' but found 'cf_'");
        Assert.Equal(new[] { "custom_fields <- (matching * ?)", "name <- n" }, ReadSection(file).Block.Mappings.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void An_unterminated_pattern_is_reported_once_by_the_lexer()
    {
        var text = InRead("custom_fields <- * matching \"^cf_\nname <- n");
        var file = AssertDiagnostics(text,
            "CRM0002 (7,29)-(7,34): Unterminated string: add the closing '\"' before the end of the line");
        var mappings = ReadSection(file).Block.Mappings;
        Assert.Null(Assert.IsType<MatchingSyntax>(mappings[0].Source).Pattern);
        Assert.Equal("name <- n", SyntaxPrinter.Print(mappings[1]));
    }
}
