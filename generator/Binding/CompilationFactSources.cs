using System;
using System.Collections.Immutable;
using System.Threading;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmGen.Generator.Binding;

/// <summary>
/// The incremental pieces of <see cref="CompilationFacts"/> for the generator: the unified models
/// of the referenced assemblies (recomputed only when the references change), and the assembly
/// of the facts from the declarations read from syntax (<see cref="DeclarationReader"/>).
/// <see cref="CompilationFactsExtractor.Extract"/> gives the facts C# binds, from a whole
/// compilation in one call; the analyzer compares the two.
/// </summary>
internal static class CompilationFactSources
{
    /// <summary>
    /// The unified models of the referenced assembly that defines the attribute (the runtime's
    /// Contact, Pipeline…), sorted; read from a compilation that holds only the references (seen
    /// from the project's assembly, <paramref name="assemblyName"/>), so it depends on neither the
    /// sources nor the rest of the compilation, and runs only when the references change.
    /// <see langword="null"/> when reading them failed.
    /// </summary>
    /// <remarks>
    /// A project that declares its own <c>CrmGen.UnifiedModelAttribute</c> while referencing one
    /// still gets the referenced models here (the analyzer, which binds, would not: CRM0036).
    /// </remarks>
    public static EquatableArray<UnifiedModelFacts>? ExtractMetadataModels(
        ImmutableArray<MetadataReference> references,
        string? assemblyName,
        CancellationToken ct)
    {
        if (references.IsDefaultOrEmpty) return EquatableArray<UnifiedModelFacts>.Empty;
        try
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                syntaxTrees: null,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return CompilationFactsExtractor.ExtractMetadataModels(compilation, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The facts from their pieces: the declarations read from syntax, resolved against the
    /// models of the referenced assemblies; <see langword="null"/> when reading those failed.
    /// </summary>
    public static CompilationFacts? Assemble(
        ImmutableArray<DeclaredClass?> declarations,
        EquatableArray<UnifiedModelFacts>? metadataModels,
        bool annotationsByDefault,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (metadataModels is not { } fromMetadata) return null;
        try
        {
            return DeclarationResolver.Resolve(declarations, fromMetadata, annotationsByDefault, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
