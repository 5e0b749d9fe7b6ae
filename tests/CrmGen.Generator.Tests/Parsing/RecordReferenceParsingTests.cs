using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Parsing;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis.Text;
using static CrmGen.Generator.Tests.Parsing.ParserTestHelpers;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary><c>$$</c>, the record reference: one token, the first segment of a path, with exact spans and recovery.</summary>
public class RecordReferenceParsingTests
{
    private static TokenKind[] Kinds(string text)
    {
        var sink = new SyntaxDiagnosticSink("t.crmmap", LineMap.FromText(text));
        var tokens = CrmMapLexer.Tokenize(text, 0, text.Length, sink, isHole: false, CancellationToken.None);
        Assert.Equal(0, sink.Count);
        return tokens.Select(t => t.Kind).ToArray();
    }

    [Fact]
    public void Two_dollars_are_one_token_and_a_space_splits_them()
    {
        Assert.Equal([TokenKind.DollarDollar, TokenKind.Dot, TokenKind.Identifier, TokenKind.EndOfFile], Kinds("$$.id"));
        Assert.Equal([TokenKind.Dollar, TokenKind.Dollar, TokenKind.EndOfFile], Kinds("$ $"));
        Assert.Equal([TokenKind.DollarDollar, TokenKind.Dollar, TokenKind.EndOfFile], Kinds("$$$"));
    }

    [Theory]
    [InlineData("$$", "$$")]
    [InlineData("$$.id", "$$.id")]
    [InlineData("$$.properties.pipeline", "$$.properties.pipeline")]
    [InlineData("$$[0].id", "$$[0].id")]
    [InlineData("$$.\"odd key\"", "$$.'odd key'")]
    [InlineData("exists($$.id)", "exists($$.id)")]
    [InlineData("$$.id ?? id", "(?? $$.id id)")]
    [InlineData("$$.created as datetime", "(as $$.created datetime)")]
    [InlineData("statuses each { id <- id, pipeline <- { id <- $$.id } }", "(each statuses {id <- id, pipeline <- {id <- $$.id}})")]
    [InlineData("tags each \"{$}:{$$.id}\"", "(each tags $\"{$}:{$$.id}\")")]
    public void Record_reference_parses_as_a_path(string source, string expected)
        => Assert.Equal(expected, SyntaxPrinter.Print(Expression(source)));

    [Fact]
    public void The_record_segment_has_its_kind_name_and_span()
    {
        const string source = "$$.pipeline[2].id";
        var text = InRead("x <- " + source);
        var path = Assert.IsType<PathSyntax>(SingleReadMapping(ParseValid(text)).Source);
        var offset = text.IndexOf(source, StringComparison.Ordinal);
        Assert.Equal(new TextSpan(offset, source.Length), path.Span);
        Assert.Collection(
            path.Segments,
            s => Assert.Equal(new PathSegmentSyntax(PathSegmentKind.Record, "$$", -1, new TextSpan(offset, 2)), s),
            s => Assert.Equal(new PathSegmentSyntax(PathSegmentKind.Name, "pipeline", -1, new TextSpan(offset + 3, 8)), s),
            s => Assert.Equal(new PathSegmentSyntax(PathSegmentKind.Index, "2", 2, new TextSpan(offset + 11, 3)), s),
            s => Assert.Equal(new PathSegmentSyntax(PathSegmentKind.Name, "id", -1, new TextSpan(offset + 15, 2)), s));
    }

    [Fact]
    public void A_record_reference_can_start_a_mapping_line()
    {
        // The parser sees '$$' as the start of a target; the binder rejects it there.
        var file = ParseValid(InRead("a <- b\n$$.x <- c"));
        var section = ReadSection(file);
        Assert.Equal(2, section.Block.Mappings.Count);
        Assert.Equal(PathSegmentKind.Record, section.Block.Mappings[1].Target.Segments[0].Kind);
    }

    [Fact]
    public void A_dot_without_a_name_after_the_record_is_reported_and_the_next_row_parses()
    {
        var text = InRead("a <- $$.\nb <- c");
        var file = Parse(text);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("CRM0001", d.Id);
        Assert.Equal("Expected a name, a quoted name or '*' after '.' but found 'b'", Message(d));
        Assert.Equal(2, ReadSection(file).Block.Mappings.Count);
        var path = Assert.IsType<PathSyntax>(ReadSection(file).Block.Mappings[0].Source);
        Assert.Equal(PathSegmentKind.Record, Assert.Single(path.Segments).Kind);
    }

    [Fact]
    public void A_record_reference_cannot_follow_a_dot()
    {
        var text = InRead("a <- x.$$");
        var file = Parse(text);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("Expected a name, a quoted name or '*' after '.' but found '$$'", Message(d));
        Assert.Equal(new TextSpan(text.IndexOf("$$", StringComparison.Ordinal), 2), d.Span);
    }
}
