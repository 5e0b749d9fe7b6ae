using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmGen.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="CrmGenGenerator"/> over in-memory sources and .crmmap files.</summary>
public static class GeneratorHarness
{
    /// <summary>One generator input set: C# sources and .crmmap files (path, text).</summary>
    public sealed record Inputs(IReadOnlyList<(string Path, string Text)> Sources, IReadOnlyList<(string Path, string Text)> Maps)
    {
        /// <summary>The .crmmap files as additional texts.</summary>
        public ImmutableArray<AdditionalText> AdditionalTexts => Maps.Select(m => (AdditionalText)new InMemoryAdditionalText(m.Path, m.Text)).ToImmutableArray();

        /// <summary>A compilation of the C# sources.</summary>
        public CSharpCompilation Compilation(string name = "CrmGen.Generated.Tests") => TestCompilation.Create(name, Sources);
    }

    /// <summary>The built-in definitions (<c>definitions/*.crmmap</c> and their provider classes).</summary>
    public static Inputs Definitions() => FromDirectory(RepositoryPaths.Definitions);

    /// <summary>The full-coverage sample (<c>Generation/Sample</c>).</summary>
    public static Inputs Sample() => FromDirectory(Path.Combine(RepositoryPaths.TestProject, "Generation", "Sample"));

    /// <summary>The .crmmap and .cs files directly in a directory, by name; paths are relative to the repository.</summary>
    public static Inputs FromDirectory(string directory)
    {
        (string, string) Read(string file) => (Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'), File.ReadAllText(file).Replace("\r\n", "\n"));
        var sources = Directory.EnumerateFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(Read).ToList();
        var maps = Directory.EnumerateFiles(directory, "*.crmmap").OrderBy(f => f, StringComparer.Ordinal).Select(Read).ToList();
        return new Inputs(sources, maps);
    }

    /// <summary>A driver for the generator with step tracking on.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalTexts)
        => CSharpGeneratorDriver.Create(
            new[] { new CrmGenGenerator().AsSourceGenerator() },
            additionalTexts,
            TestCompilation.ParseOptions,
            optionsProvider: null,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns the driver (for reruns), the output compilation and the result.</summary>
    public static (GeneratorDriver Driver, Compilation Output, GeneratorDriverRunResult Result) Run(Inputs inputs)
    {
        var compilation = inputs.Compilation();
        var driver = CreateDriver(inputs.AdditionalTexts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver, output, driver.GetRunResult());
    }

    /// <summary>The generated files (hint name, text), by hint name.</summary>
    public static IReadOnlyList<(string HintName, string Text)> GeneratedFiles(GeneratorDriverRunResult result)
        => result.Results.SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();
}
