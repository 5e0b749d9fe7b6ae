using static CrmGen.Generator.Tests.Parsing.ParserTestHelpers;
namespace CrmGen.Generator.Tests.Parsing;
public class ScratchTests
{
    [Fact]
    public void Dump()
    {
        var inputs = File.ReadAllText("/tmp/scratch_in.txt").Split("\n=====\n");
        var sb = new System.Text.StringBuilder();
        foreach (var input in inputs)
        {
            var file = Parse(input);
            sb.Append("---- INPUT:\n").Append(input).Append("\n---- DIAGS:\n").Append(Format(file));
            foreach (var n in SyntaxWalker.Nodes(file).OfType<CrmGen.Generator.Syntax.MappingSyntax>()) sb.Append("  M: ").Append(SyntaxPrinter.Print(n)).Append('\n');
            foreach (var p in file.Providers) foreach (var m in p.Members) sb.Append("  P: ").Append(m.GetType().Name).Append(' ').Append(input.Substring(m.Span.Start, Math.Min(30, m.Span.Length)).Replace("\n","\\n")).Append('\n');
        }
        File.WriteAllText("/tmp/scratch_out.txt", sb.ToString());
    }
}
