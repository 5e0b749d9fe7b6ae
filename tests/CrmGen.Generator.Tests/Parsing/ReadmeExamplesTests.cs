using CrmGen.Generator.Syntax;
using static CrmGen.Generator.Tests.Parsing.ParserTestHelpers;

namespace CrmGen.Generator.Tests.Parsing;

public class ReadmeExamplesTests
{
    public static TheoryData<string> ExampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in CrmMapExamples.All) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Example_parses_without_diagnostics(string name)
    {
        var text = CrmMapExamples.All.Single(e => e.Name == name).Text;
        var file = ParseValid(text);
        Assert.NotEmpty(file.Providers);
        Assert.Equal(ParserTestHelpers.FilePath, file.FilePath);
    }

    [Fact]
    public void Small_examples_parse_without_diagnostics()
    {
        foreach (var (_, text) in CrmMapExamples.Small)
        {
            var file = ParseValid(text);
            Assert.Single(file.Providers);
            Assert.Empty(SyntaxWalker.MissingNodes(file));
        }
    }

    [Fact]
    public void Example_trees_hold_no_missing_pieces()
    {
        foreach (var (_, text) in CrmMapExamples.All)
        {
            var file = ParseValid(text);
            Assert.Empty(SyntaxWalker.MissingNodes(file));
        }
    }
}
