using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Parsing;
using CrmGen.Generator.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrmGen.Generator.Analysis;

/// <summary>
/// Reports the diagnostics of <c>.crmmap</c> additional files live, in the build and in the IDE:
/// each file is parsed and bound against the compilation's unified models and provider classes
/// (as the generator reads them), each provider class is checked as it is analysed (partial,
/// creatable, read by the generator as C# binds it), and, once every file is known, the
/// project-wide checks run (duplicate providers, provider classes without a definition,
/// providers without a class).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrmMapAnalyzer : DiagnosticAnalyzer
{
    private const string Extension = ".crmmap";

    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = ImmutableArray.CreateRange(CrmDiagnosticDescriptors.All);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Files are bound against the facts the generator reads (from syntax), so that what is
        // reported is what gets generated; where C#'s binding differs, CRM0036 says so.
        var facts = CompilationFactsExtractor.ExtractFromSyntax(context.Compilation, context.CancellationToken);
        var boundFacts = CompilationFactsExtractor.Extract(context.Compilation, context.CancellationToken);
        var parsed = new ConcurrentDictionary<string, CrmMapFileSyntax>(StringComparer.Ordinal);

        // What concerns one class (not partial, cannot be created, read differently) is reported
        // as that class is analysed, so it shows live in the IDE.
        var providersByClass = new Dictionary<string, List<ProviderClassFacts>>(StringComparer.Ordinal);
        foreach (var providerClass in facts.ProviderClasses)
        {
            if (!providersByClass.TryGetValue(providerClass.FullyQualifiedName, out var list)) providersByClass.Add(providerClass.FullyQualifiedName, list = new List<ProviderClassFacts>());
            list.Add(providerClass);
        }
        var differencesByClass = new Dictionary<string, List<DeclarationDifference>>(StringComparer.Ordinal);
        foreach (var difference in DeclarationCheck.Compare(facts, boundFacts))
        {
            if (!differencesByClass.TryGetValue(difference.ClassName, out var list)) differencesByClass.Add(difference.ClassName, list = new List<DeclarationDifference>());
            list.Add(difference);
        }
        var classesSeen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        if (providersByClass.Count > 0 || differencesByClass.Count > 0)
        {
            context.RegisterSymbolAction(symbolContext =>
            {
                if (symbolContext.Symbol is not INamedTypeSymbol type) return;
                var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                if (providersByClass.TryGetValue(name, out var providers))
                {
                    foreach (var providerClass in providers)
                    {
                        if (CrmProjectChecker.CheckClass(providerClass) is { } diagnostic)
                        {
                            symbolContext.ReportDiagnostic(diagnostic.ToDiagnostic(Locate(symbolContext.Compilation, diagnostic)));
                        }
                    }
                }
                if (differencesByClass.TryGetValue(name, out var differences) && classesSeen.TryAdd(name, true))
                {
                    foreach (var difference in differences)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(
                            CrmDiagnosticDescriptors.DeclarationReadDifferently,
                            Locate(symbolContext.Compilation, difference, symbolContext.CancellationToken),
                            difference.What, difference.Written, difference.Bound, difference.Suggestion));
                    }
                }
            }, SymbolKind.NamedType);
        }

        context.RegisterAdditionalFileAction(fileContext =>
        {
            var file = Parse(fileContext.AdditionalFile, fileContext.CancellationToken);
            if (file is null) return;
            parsed[fileContext.AdditionalFile.Path] = file;

            var bound = CrmMapBinder.Bind(file, facts, fileContext.CancellationToken);
            foreach (var diagnostic in bound.Diagnostics)
            {
                fileContext.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterCompilationEndAction(endContext =>
        {
            var files = ImmutableArray.CreateBuilder<CrmMapFileSyntax>();
            foreach (var additionalFile in endContext.Options.AdditionalFiles)
            {
                if (!IsCrmMap(additionalFile.Path)) continue;
                if (!parsed.TryGetValue(additionalFile.Path, out var file))
                {
                    file = Parse(additionalFile, endContext.CancellationToken);
                }
                if (file is not null) files.Add(file);
            }

            foreach (var diagnostic in CrmProjectChecker.Check(files.ToImmutable(), facts, includeClassChecks: false))
            {
                endContext.ReportDiagnostic(diagnostic.ToDiagnostic(Locate(endContext.Compilation, diagnostic)));
            }

            // A difference about a class no symbol answers to (named differently by the two
            // readings) is still reported, once every class has been seen.
            foreach (var pair in differencesByClass)
            {
                if (classesSeen.ContainsKey(pair.Key)) continue;
                foreach (var difference in pair.Value)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(
                        CrmDiagnosticDescriptors.DeclarationReadDifferently,
                        Locate(endContext.Compilation, difference, endContext.CancellationToken),
                        difference.What, difference.Written, difference.Bound, difference.Suggestion));
                }
            }
        });
    }

    /// <summary>A class diagnostic points into a C# file of the compilation: it is located in that tree.</summary>
    private static Location Locate(Compilation compilation, CrmDiagnostic diagnostic)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == diagnostic.FilePath && diagnostic.Span.End <= tree.Length) return Location.Create(tree, diagnostic.Span);
        }
        return Location.Create(diagnostic.FilePath, diagnostic.Span, diagnostic.LineSpan);
    }

    /// <summary>Where a <see cref="DeclarationDifference"/> is: the parameter's type, the member, or the class.</summary>
    private static Location Locate(Compilation compilation, DeclarationDifference difference, CancellationToken ct)
    {
        var simpleName = difference.ClassName.Substring(difference.ClassName.LastIndexOf('.') + 1).Replace("global::", "");
        INamedTypeSymbol? type = null;
        foreach (var symbol in compilation.GetSymbolsWithName(simpleName, SymbolFilter.Type, ct))
        {
            if (symbol is INamedTypeSymbol named && named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == difference.ClassName)
            {
                type = named;
                break;
            }
        }
        if (type is null) return Location.None;

        if (difference.Member is { } member)
        {
            var candidates = new List<ISymbol>();
            foreach (var symbol in type.GetMembers(member))
            {
                if (symbol is IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary } or IPropertySymbol) candidates.Add(symbol);
            }
            if (difference.Overload < candidates.Count)
            {
                var symbol = candidates[difference.Overload];
                if (difference.Parameter >= 0 && symbol is IMethodSymbol method && difference.Parameter < method.Parameters.Length)
                {
                    foreach (var reference in method.Parameters[difference.Parameter].DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(ct) is Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax { Type: { } parameterType }) return parameterType.GetLocation();
                    }
                }
                if (FirstSourceLocation(symbol) is { } memberLocation) return memberLocation;
            }
        }
        return FirstSourceLocation(type) ?? Location.None;
    }

    private static Location? FirstSourceLocation(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource) return location;
        }
        return null;
    }

    private static bool IsCrmMap(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    private static CrmMapFileSyntax? Parse(AdditionalText additionalFile, CancellationToken ct)
    {
        if (!IsCrmMap(additionalFile.Path)) return null;
        var text = additionalFile.GetText(ct);
        return text is null ? null : CrmMapParser.Parse(additionalFile.Path, text.ToString(), ct);
    }
}
