using System;
using System.Collections.Generic;
using System.Threading;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Binds a parsed .crmmap file against the compilation's unified models and provider classes:
/// every setting, path, field, type, conversion, table, function and hook is resolved, and every
/// problem becomes a <see cref="CrmDiagnostic"/> at its exact span.
/// </summary>
internal static class CrmMapBinder
{
    /// <summary>
    /// Binds every provider of <paramref name="file"/>.
    /// </summary>
    /// <returns>
    /// The bound file. <see cref="BoundFile.Diagnostics"/> holds every diagnostic of the file: the
    /// parser's (first) and the binder's, so a caller reports exactly this list.
    /// <see cref="BoundFile.Providers"/> is empty when the file has an error (nothing is generated
    /// for it); otherwise it holds the providers that can be generated: a provider whose
    /// <c>[CrmProvider]</c> class is missing or not partial, or whose name repeats an earlier
    /// provider of the file, is left out (<see cref="CrmProjectChecker"/> reports those).
    /// </returns>
    /// <remarks>Never throws for any syntax tree, including partial trees from parse errors.</remarks>
    public static BoundFile Bind(CrmMapFileSyntax file, CompilationFacts facts, CancellationToken ct = default)
    {
        var bag = new DiagnosticBag(file.FilePath, file.Lines);
        foreach (var diagnostic in file.Diagnostics) bag.Add(diagnostic);

        var lookup = new FactsLookup(facts);
        var providers = new List<BoundProvider>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var providerSyntax in file.Providers)
        {
            ct.ThrowIfCancellationRequested();
            if (providerSyntax is null) continue;
            var binder = new ProviderBinder(file, lookup, bag, providerSyntax, ct);
            var provider = binder.Bind();
            if (provider is not null && binder.CanGenerate && names.Add(provider.Name)) providers.Add(provider);
        }

        return new BoundFile(
            file.FilePath,
            bag.HasErrors ? EquatableArray<BoundProvider>.Empty : providers.ToEquatableArray(),
            bag.ToEquatableArray());
    }
}

/// <summary>The facts indexed for binding: models by resource and by C# name, provider classes by name.</summary>
internal sealed class FactsLookup
{
    public FactsLookup(CompilationFacts facts)
    {
        Facts = facts;
        foreach (var model in facts.Models)
        {
            ModelsByName[model.FullyQualifiedName] = model;
            if (model.Resource is { Length: > 0 } resource && !ModelsByResource.ContainsKey(resource)) ModelsByResource[resource] = model;
        }
        foreach (var providerClass in facts.ProviderClasses)
        {
            if (!ProviderClasses.ContainsKey(providerClass.ProviderName)) ProviderClasses[providerClass.ProviderName] = providerClass;
        }
    }

    public CompilationFacts Facts { get; }

    public Dictionary<string, UnifiedModelFacts> ModelsByName { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UnifiedModelFacts> ModelsByResource { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ProviderClassFacts> ProviderClasses { get; } = new(StringComparer.Ordinal);

    /// <summary>The model facts of a Model-kind type, or null.</summary>
    public UnifiedModelFacts? ModelOf(CrmType? type)
        => type is { Kind: CrmTypeKind.Model } && ModelsByName.TryGetValue(type.CSharpName, out var model) ? model : null;
}
