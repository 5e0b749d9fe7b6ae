using CrmGen.Generator.Tests.Generation;
using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Baselines;

/// <summary>
/// The generator's output for the built-in definitions and the full-coverage sample, compared
/// with checked-in baselines (<c>Baselines/Expected/&lt;hint name&gt;</c>). Set
/// <c>CRMGEN_UPDATE_BASELINES=1</c> to rewrite them after an intended change.
/// </summary>
public class GeneratorBaselineTests
{
    public static TheoryData<string> InputSets => GenerationTests.InputSets;

    [Theory]
    [MemberData(nameof(InputSets))]
    public void Generated_files_match_their_baselines(string set)
    {
        var files = GeneratorHarness.GeneratedFiles(GeneratorHarness.Run(GenerationTests.Inputs(set)).Result);
        Assert.NotEmpty(files);
        foreach (var (hintName, text) in files)
        {
            BaselineAssert.Matches(hintName, text);
        }
    }

    [Fact]
    public void Every_baseline_belongs_to_a_generated_file()
    {
        var generated = new[] { "definitions", "sample" }
            .SelectMany(set => GeneratorHarness.GeneratedFiles(GeneratorHarness.Run(GenerationTests.Inputs(set)).Result))
            .Select(f => f.HintName)
            .ToHashSet(StringComparer.Ordinal);
        var stale = Directory.EnumerateFiles(BaselineAssert.Directory)
            .Select(Path.GetFileName)
            .Where(name => !name!.StartsWith("Emit.", StringComparison.Ordinal) && !generated.Contains(name!))
            .ToList();
        Assert.True(stale.Count == 0, "Baselines no generated file matches (delete them): " + string.Join(", ", stale));
    }
}
