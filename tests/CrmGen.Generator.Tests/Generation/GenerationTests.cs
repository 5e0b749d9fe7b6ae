using CrmGen.Generator.Binding;
using CrmGen.Generator.Parsing;
using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Generation;

/// <summary>The whole generator over the built-in definitions and the full-coverage sample.</summary>
public class GenerationTests
{
    public static TheoryData<string> InputSets => new() { "definitions", "sample" };

    internal static GeneratorHarness.Inputs Inputs(string set) => set == "definitions" ? GeneratorHarness.Definitions() : GeneratorHarness.Sample();

    [Theory]
    [MemberData(nameof(InputSets))]
    public void Every_file_binds_without_diagnostics(string set)
    {
        var inputs = Inputs(set);
        var facts = CompilationFactsExtractor.Extract(inputs.Compilation(), CancellationToken.None);
        foreach (var (path, text) in inputs.Maps)
        {
            var bound = CrmMapBinder.Bind(CrmMapParser.Parse(path, text), facts);
            Assert.True(bound.Diagnostics.IsEmpty, path + ": " + string.Join("; ", bound.Diagnostics.Select(d => d.Id + " " + d.LineSpan + " " + string.Join("|", d.Arguments))));
            Assert.False(bound.Providers.IsEmpty);
        }
    }

    [Theory]
    [MemberData(nameof(InputSets))]
    public void Generated_code_compiles_without_warnings_or_errors(string set)
    {
        var (_, output, result) = GeneratorHarness.Run(Inputs(set));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Inputs(set).Maps.Count, result.GeneratedTrees.Length);
        var problems = TestCompilation.Problems(output);
        Assert.True(problems.Count == 0, TestCompilation.Format(problems));
    }

    [Theory]
    [MemberData(nameof(InputSets))]
    public void Two_runs_give_byte_identical_output(string set)
    {
        var first = GeneratorHarness.GeneratedFiles(GeneratorHarness.Run(Inputs(set)).Result);
        var second = GeneratorHarness.GeneratedFiles(GeneratorHarness.Run(Inputs(set)).Result);
        Assert.NotEmpty(first);
        Assert.Equal(first.Select(f => f.HintName), second.Select(f => f.HintName));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.True(System.Text.Encoding.UTF8.GetBytes(first[i].Text).AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(second[i].Text)), first[i].HintName);
        }
    }
}
