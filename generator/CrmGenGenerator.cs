using System;
using System.Collections.Generic;
using System.Threading;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Emit;
using CrmGen.Generator.Model;
using CrmGen.Generator.Parsing;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis;

namespace CrmGen.Generator;

/// <summary>
/// Compiles <c>.crmmap</c> files (<c>AdditionalFiles</c>) and their <c>[CrmProvider]</c> partial
/// classes into provider adapters. Each file is parsed on its own and bound against the small
/// facts taken from the compilation; each provider is emitted on its own, so editing one file or
/// any C# that does not change the facts regenerates only what depends on it. A file with errors
/// produces nothing; the diagnostics are the analyzer's to report. No input makes the generator
/// throw.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CrmGenGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".crmmap", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => Parse(text, ct))
            .WithTrackingName(TrackingNames.Parse);

        // The facts come in pieces so that a C# edit redoes almost nothing: the declarations that
        // matter are read from syntax alone (Roslyn reruns this reader on every edit, and binding
        // would cost more than the rest of the run), the referenced assemblies' models are read
        // again only when the references change, and only the assembly name and the
        // project's nullable setting are looked up on every compilation (neither binds anything). The analyzer checks that
        // this reading agrees with C#'s binding (CRM0036).
        var declarations = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, ct) => DeclarationReader.IsCandidate(node, ct),
                static (syntax, ct) => DeclarationReader.Read(syntax.Node, ct))
            .Where(static declaration => declaration is not null)
            .WithTrackingName(TrackingNames.Declarations);

        var annotations = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options.NullableContextOptions.AnnotationsEnabled())
            .WithTrackingName(TrackingNames.NullableAnnotations);

        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName)
            .WithTrackingName(TrackingNames.AssemblyName);

        var metadataModels = context.MetadataReferencesProvider
            .Collect()
            .Combine(assemblyName)
            .Select(static (pair, ct) => CompilationFactSources.ExtractMetadataModels(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.MetadataModels);

        var facts = declarations.Collect()
            .Combine(metadataModels)
            .Combine(annotations)
            .Select(static (pieces, ct) => CompilationFactSources.Assemble(pieces.Left.Left, pieces.Left.Right, pieces.Right, ct))
            .WithTrackingName(TrackingNames.Facts);

        var models = facts
            .Select(static (value, _) => value?.Models ?? EquatableArray<UnifiedModelFacts>.Empty)
            .WithTrackingName(TrackingNames.Models);

        var bound = files
            .Combine(facts)
            .Select(static (pair, ct) => Bind(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.Bind);

        var providers = bound
            .SelectMany(static (file, _) => file?.Providers ?? EquatableArray<BoundProvider>.Empty)
            .WithTrackingName(TrackingNames.Providers);

        var sources = providers
            .Combine(models)
            .Select(static (pair, ct) => Emit(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.Emit);

        // One output for all files, so that two definitions of one provider class (which the
        // analyzer reports) cannot add the same hint name twice: the first one wins.
        context.RegisterSourceOutput(sources.Collect(), static (production, all) =>
        {
            var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var source in all)
            {
                if (source is null || !added.Add(source.HintName)) continue;
                production.AddSource(source.HintName, source.Source);
            }
        });
    }

    private static CrmMapFileSyntax? Parse(AdditionalText text, CancellationToken ct)
    {
        try
        {
            var content = text.GetText(ct);
            return content is null ? null : CrmMapParser.Parse(text.Path, content.ToString(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static BoundFile? Bind(CrmMapFileSyntax? file, CompilationFacts? facts, CancellationToken ct)
    {
        if (file is null || facts is null) return null;
        try
        {
            return CrmMapBinder.Bind(file, facts, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static GeneratedSource? Emit(BoundProvider provider, EquatableArray<UnifiedModelFacts> models, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            return ProviderEmitter.Emit(provider, models);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
