using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Where the compilation's <c>CrmGen.UnifiedModelAttribute</c> comes from: whether it resolves to
/// a type of a referenced assembly (whose models are then read from metadata), and the name of
/// the compilation's assembly (the one the referenced assemblies are seen from). Equal across
/// edits that do not touch the attribute, so the metadata models stay cached.
/// </summary>
internal sealed record ModelAttributeOrigin(bool InReferencedAssembly, string? AssemblyName);

/// <summary>
/// The incremental pieces of <see cref="CompilationFacts"/> for the generator: the facts of one
/// attributed source class (found with <c>ForAttributeWithMetadataName</c>), the unified models
/// of the referenced assemblies (recomputed only when the references change), and the assembly
/// of the facts from those pieces. <see cref="CompilationFactsExtractor.Extract"/> gives the same
/// facts from a whole compilation in one call.
/// </summary>
internal static class CompilationFactSources
{
    /// <summary>True for the declarations that may carry the attributes: classes and record classes.</summary>
    public static bool IsClassDeclaration(SyntaxNode node, CancellationToken ct)
        => node is ClassDeclarationSyntax || node.IsKind(SyntaxKind.RecordDeclaration);

    /// <summary>
    /// The unified models of one class marked <c>[UnifiedModel]</c> (one per matching attribute),
    /// or <see langword="null"/> when describing it failed.
    /// </summary>
    public static EquatableArray<UnifiedModelFacts>? DescribeModels(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        try
        {
            if (context.TargetSymbol is not INamedTypeSymbol type) return EquatableArray<UnifiedModelFacts>.Empty;
            var compilation = context.SemanticModel.Compilation;
            var unifiedModelAttribute = compilation.GetTypeByMetadataName(CompilationFactsExtractor.UnifiedModelAttributeName);
            if (unifiedModelAttribute is null) return EquatableArray<UnifiedModelFacts>.Empty;

            var resolver = new CrmTypeResolver(unifiedModelAttribute);
            var models = new List<UnifiedModelFacts>();
            foreach (var attribute in context.Attributes)
            {
                ct.ThrowIfCancellationRequested();
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, unifiedModelAttribute))
                {
                    models.Add(CompilationFactsExtractor.DescribeModel(type, attribute, resolver, ct));
                }
            }
            return models.ToEquatableArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The provider facts of one class marked <c>[CrmProvider]</c> (one per matching attribute
    /// with a provider name), or <see langword="null"/> when describing it failed.
    /// </summary>
    public static EquatableArray<ProviderClassFacts>? DescribeProviders(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        try
        {
            if (context.TargetSymbol is not INamedTypeSymbol type) return EquatableArray<ProviderClassFacts>.Empty;
            var compilation = context.SemanticModel.Compilation;
            var providerAttribute = compilation.GetTypeByMetadataName(CompilationFactsExtractor.CrmProviderAttributeName);
            if (providerAttribute is null) return EquatableArray<ProviderClassFacts>.Empty;

            var resolver = new CrmTypeResolver(compilation.GetTypeByMetadataName(CompilationFactsExtractor.UnifiedModelAttributeName));
            var providers = new List<ProviderClassFacts>();
            foreach (var attribute in context.Attributes)
            {
                ct.ThrowIfCancellationRequested();
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, providerAttribute)) continue;
                var provider = CompilationFactsExtractor.DescribeProvider(type, attribute, resolver, ct);
                if (provider is not null) providers.Add(provider);
            }
            return providers.ToEquatableArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Where the compilation's unified model attribute is defined.</summary>
    public static ModelAttributeOrigin GetModelAttributeOrigin(Compilation compilation, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var unifiedModelAttribute = compilation.GetTypeByMetadataName(CompilationFactsExtractor.UnifiedModelAttributeName);
        var inReference = unifiedModelAttribute is not null
            && !SymbolEqualityComparer.Default.Equals(unifiedModelAttribute.ContainingAssembly, compilation.Assembly);
        return new ModelAttributeOrigin(inReference, inReference ? compilation.AssemblyName : null);
    }

    /// <summary>
    /// The unified models of the referenced assembly that defines the attribute (the runtime's
    /// Contact, Pipeline…), sorted; read from a compilation that holds only the references, so
    /// it does not depend on the sources. <see langword="null"/> when reading them failed.
    /// </summary>
    public static EquatableArray<UnifiedModelFacts>? ExtractMetadataModels(
        ImmutableArray<MetadataReference> references,
        ModelAttributeOrigin origin,
        CancellationToken ct)
    {
        if (!origin.InReferencedAssembly || references.IsDefaultOrEmpty) return EquatableArray<UnifiedModelFacts>.Empty;
        try
        {
            var compilation = CSharpCompilation.Create(
                origin.AssemblyName,
                syntaxTrees: null,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var unifiedModelAttribute = compilation.GetTypeByMetadataName(CompilationFactsExtractor.UnifiedModelAttributeName);
            if (unifiedModelAttribute is null) return EquatableArray<UnifiedModelFacts>.Empty;

            var models = new List<UnifiedModelFacts>();
            CompilationFactsExtractor.AddMetadataModels(
                unifiedModelAttribute.ContainingAssembly.GlobalNamespace,
                unifiedModelAttribute,
                new CrmTypeResolver(unifiedModelAttribute),
                models,
                ct);
            CompilationFactsExtractor.SortModels(models);
            return models.ToEquatableArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The facts from their pieces, sorted as <see cref="CompilationFactsExtractor.Extract"/>
    /// sorts them; <see langword="null"/> when any piece failed.
    /// </summary>
    public static CompilationFacts? Assemble(
        ImmutableArray<EquatableArray<UnifiedModelFacts>?> sourceModels,
        ImmutableArray<EquatableArray<ProviderClassFacts>?> providerClasses,
        EquatableArray<UnifiedModelFacts>? metadataModels,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (metadataModels is not { } fromMetadata) return null;

        var models = new List<UnifiedModelFacts>();
        foreach (var item in sourceModels)
        {
            if (item is not { } facts) return null;
            models.AddRange(facts);
        }
        models.AddRange(fromMetadata);

        var providers = new List<ProviderClassFacts>();
        foreach (var item in providerClasses)
        {
            if (item is not { } facts) return null;
            providers.AddRange(facts);
        }

        CompilationFactsExtractor.SortModels(models);
        CompilationFactsExtractor.SortProviders(providers);
        return new CompilationFacts(models.ToEquatableArray(), providers.ToEquatableArray());
    }
}
