using CrmGen.Generator.Parsing;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Tests.Parsing;

/// <summary>
/// Operator chains build left-deep trees. A chain longer than the nesting limit is one CRM0001
/// and the tree stays shallow, so hashing and comparing it (as the incremental pipeline does)
/// cannot exhaust the stack.
/// </summary>
public sealed class ChainDepthTests
{
    [Theory]
    [InlineData(" ?? a")]
    [InlineData(" || a")]
    [InlineData(" as string")]
    [InlineData(" via t")]
    public void A_very_long_chain_is_one_error_and_a_shallow_tree(string link)
    {
        var text = "provider p { resource r { create POST \"/x\" { read { x <- a"
            + string.Concat(Enumerable.Repeat(link, 100_000)) + " } } } }";

        var file = CrmMapParser.Parse("chain.crmmap", text);

        var error = Assert.Single(file.Diagnostics);
        Assert.Equal("CRM0001", error.Id);
        Assert.Contains("chained too deeply", error.Arguments[0], StringComparison.Ordinal);

        // Hash and compare the tree on a thread with a small stack: a deep tree would overflow it.
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var again = CrmMapParser.Parse("chain.crmmap", text);
                Assert.Equal(file.GetHashCode(), again.GetHashCode());
                Assert.Equal(file, again);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }

    [Fact]
    public void A_chain_within_the_limit_parses_whole()
    {
        var text = "provider p { resource r { create POST \"/x\" { read { x <- a"
            + string.Concat(Enumerable.Repeat(" ?? a", 150)) + " } } } }";

        var file = CrmMapParser.Parse("chain.crmmap", text);

        Assert.Empty(file.Diagnostics);
        var depth = 0;
        var mapping = ((MappingSectionSyntax)((ResourceSyntax)file.Providers[0].Members[0]).Operations[0].Members[0]).Block.Mappings[0];
        for (var e = mapping.Source; e is BinarySyntax b; e = b.Left) depth++;
        Assert.Equal(150, depth);
    }
}
