using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Generation;

/// <summary>Broken or conflicting input never makes the generator throw or report; it generates what it can.</summary>
public class RobustnessTests
{
    private static GeneratorHarness.Inputs WithExtraMaps(params (string Path, string Text)[] maps)
    {
        var definitions = GeneratorHarness.Definitions();
        return definitions with { Maps = definitions.Maps.Concat(maps).ToList() };
    }

    /// <summary>What the definitions alone generate: the expected output whatever broken file is added.</summary>
    private static readonly Lazy<string[]> s_definitionsOutput = new(() =>
        GeneratorHarness.Run(GeneratorHarness.Definitions()).Result.Results.Single().GeneratedSources
            .Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray());

    [Theory]
    [InlineData("")]
    [InlineData("provider")]
    [InlineData("provider broken { base_url \"https://x\" auth none resource contacts { create POST \"/c\" { read { id <- } } } }")]
    [InlineData("provider nobody { base_url \"https://x\" auth none }")]
    [InlineData("\u0000\u0001\u0002{{{{ \"unterminated")]
    [InlineData("provider close { display_name \"Close again\" base_url \"https://x\" auth none }")]
    public void Broken_or_conflicting_files_generate_nothing_and_never_throw(string text)
    {
        var (_, output, result) = GeneratorHarness.Run(WithExtraMaps(("definitions/extra.crmmap", text)));
        var run = result.Results.Single();
        Assert.Null(run.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("CrmGen.Providers.CloseProvider.CrmProvider.g.cs", s_definitionsOutput.Value);
        Assert.Equal(s_definitionsOutput.Value, run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8785");
    }

    [Fact]
    public void Files_that_are_not_crmmap_are_ignored()
    {
        var (_, _, result) = GeneratorHarness.Run(WithExtraMaps(("definitions/notes.txt", "provider x {")));
        Assert.Equal(s_definitionsOutput.Value.Length, result.GeneratedTrees.Length);
    }
}
