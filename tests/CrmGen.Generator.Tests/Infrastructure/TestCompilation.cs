using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmGen.Generator.Tests.Infrastructure;

/// <summary>
/// In-memory C# compilations against the .NET 10 reference assemblies and CrmGen.Runtime, with
/// nullable enabled and every warning on, as a user's project would compile generated code.
/// </summary>
public static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>C# latest, as the generator's users compile.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The references: framework reference assemblies, CrmGen.Runtime and its dependencies.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>A library compilation of the given sources (path, text).</summary>
    public static CSharpCompilation Create(string assemblyName, IEnumerable<(string Path, string Text)> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path));
        return CSharpCompilation.Create(assemblyName, trees, References, Options);
    }

    /// <summary>Library output, nullable enabled, the highest warning level, documentation diagnostics (CS1591) on, deterministic.</summary>
    public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithWarningLevel(9999)
        .WithDeterministic(true)
        .WithOptimizationLevel(OptimizationLevel.Release);

    /// <summary>Errors and warnings (not hidden or info diagnostics), formatted for an assertion message.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Diagnostics as readable lines with the offending source line.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics)
        => string.Join(Environment.NewLine, diagnostics.Select(d =>
        {
            var line = d.Location.IsInSource
                ? d.Location.SourceTree!.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim()
                : "";
            return d + (line.Length > 0 ? "   >>> " + line : "");
        }));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
        references.Add(MetadataReference.CreateFromFile(typeof(CrmGen.Contact).Assembly.Location));
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            references.Add(MetadataReference.CreateFromFile(file));
        }
        return references.ToImmutableArray();
    }
}
