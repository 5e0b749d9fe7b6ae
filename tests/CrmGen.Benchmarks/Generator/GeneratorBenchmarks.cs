using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CrmGen.Benchmarks.Infrastructure;
using CrmGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Benchmarks.Generator;

/// <summary>
/// Scenario 3: <see cref="CrmGenGenerator"/> over every built-in definition
/// (<c>definitions/*.crmmap</c> and <c>definitions/*.cs</c>, against CrmGen.Runtime and the .NET
/// reference assemblies). Cold: a new driver and a new compilation each run. Incremental: a driver
/// that has already run, given a compilation in which an unrelated C# file was edited (each run
/// edits it again, so every run sees a change). Baseline: the cold run.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    /// <summary>The scenario's name in results.</summary>
    public const string Scenario = "generator";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithDeterministic(true);

    private ImmutableArray<SyntaxTree> _definitionTrees;
    private ImmutableArray<AdditionalText> _maps;
    private ImmutableArray<MetadataReference> _references;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree[] _edits = [];
    private Compilation _baseCompilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private int _edit;

    /// <summary>Reads the definitions, warms the incremental driver and asserts both runs generate the same code.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var dir = RepositoryPaths.Definitions;
        _definitionTrees = Directory.EnumerateFiles(dir, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, Path.GetFileName(f)))
            .ToImmutableArray();
        _maps = Directory.EnumerateFiles(dir, "*.crmmap").Order(StringComparer.Ordinal)
            .Select(f => (AdditionalText)new FileText(Path.GetFileName(f), File.ReadAllText(f)))
            .ToImmutableArray();
        if (_maps.Length == 0) throw new InvalidOperationException($"No .crmmap files in {dir}.");
        _references = [.. Basic.Reference.Assemblies.Net100.References.All,
            MetadataReference.CreateFromFile(typeof(Contact).Assembly.Location),
            .. RuntimeDependencies()];
        _unrelated = Unrelated(0);
        _edits = [Unrelated(1), Unrelated(2)];
        _baseCompilation = CSharpCompilation.Create("CrmGen.Providers", [.. _definitionTrees, _unrelated], _references, CompilationOptions);
        _warmDriver = NewDriver().RunGenerators(_baseCompilation);
        Verify();
    }

    /// <summary>Asserts that the generator reports no error, that its output compiles, and that an incremental run gives the cold run's output.</summary>
    public void Verify()
    {
        if (_warmDriver is null)
        {
            Setup();
            return;
        }
        var cold = NewDriver().RunGeneratorsAndUpdateCompilation(NewCompilation(), out var output, out var diagnostics);
        var errors = diagnostics.Concat(cold.GetRunResult().Diagnostics).Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new BenchmarkOutputMismatchException($"{Scenario}: the generated code does not compile: {string.Join(Environment.NewLine, errors.Take(5))}");
        var expected = Describe(cold.GetRunResult());
        if (cold.GetRunResult().GeneratedTrees.Length < _maps.Length) throw new BenchmarkOutputMismatchException($"{Scenario}: fewer generated files than definitions.");
        var incremental = _warmDriver.RunGenerators(_baseCompilation.ReplaceSyntaxTree(_unrelated, _edits[0]));
        OutputCheck.Equal(Scenario, nameof(Cold), nameof(Incremental), expected, Describe(incremental.GetRunResult()));
    }

    /// <summary>A cold run: a new driver over a new compilation.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(NewCompilation());

    /// <summary>An incremental run after an unrelated C# edit.</summary>
    [Benchmark]
    public GeneratorDriver Incremental()
    {
        var edit = _edits[_edit++ & 1];
        return _warmDriver = _warmDriver.RunGenerators(_baseCompilation.ReplaceSyntaxTree(_unrelated, edit));
    }

    /// <summary>CrmGen.Runtime's own dependencies (Microsoft.Extensions.*, Polly.Core), as loaded by this process.</summary>
    private static IEnumerable<MetadataReference> RuntimeDependencies()
        => typeof(Contact).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name is { } n && (n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || n.StartsWith("Polly", StringComparison.Ordinal)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => MetadataReference.CreateFromFile(System.Reflection.Assembly.Load(a).Location));

    private Compilation NewCompilation()
        => CSharpCompilation.Create("CrmGen.Providers", [.. _definitionTrees, _unrelated], _references, CompilationOptions);

    private GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create([new CrmGenGenerator().AsSourceGenerator()], _maps, ParseOptions);

    private static SyntaxTree Unrelated(int version) => CSharpSyntaxTree.ParseText(
        $$"""
        namespace CrmGen.Providers.Extras;

        /// <summary>Code that has nothing to do with the adapters.</summary>
        public static class Greeting
        {
            /// <summary>A greeting.</summary>
            public static string Text(string name) => "Hello " + name + " v{{version}}";
        }
        """, ParseOptions, "Extras/Greeting.cs");

    private static string Describe(GeneratorDriverRunResult result)
        => string.Join("\n", result.Results.SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => "// " + s.HintName + "\n" + s.SourceText));

    /// <summary>A .crmmap file held in memory.</summary>
    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
