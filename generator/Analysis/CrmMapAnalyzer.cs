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
/// each file is parsed and bound against the compilation's unified models and provider classes,
/// and, once every file is known, the project-wide checks run (duplicate providers, provider
/// classes without a definition or not partial, providers without a class).
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

            var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            foreach (var tree in endContext.Compilation.SyntaxTrees)
            {
                if (!trees.ContainsKey(tree.FilePath)) trees.Add(tree.FilePath, tree);
            }

            foreach (var diagnostic in CrmProjectChecker.Check(files.ToImmutable(), facts))
            {
                // Class diagnostics point into a C# file of the compilation: locate them in its tree.
                var location = trees.TryGetValue(diagnostic.FilePath, out var tree) && diagnostic.Span.End <= tree.Length
                    ? Location.Create(tree, diagnostic.Span)
                    : Location.Create(diagnostic.FilePath, diagnostic.Span, diagnostic.LineSpan);
                endContext.ReportDiagnostic(diagnostic.ToDiagnostic(location));
            }

            foreach (var difference in DeclarationCheck.Compare(facts, boundFacts))
            {
                endContext.ReportDiagnostic(Diagnostic.Create(
                    CrmDiagnosticDescriptors.DeclarationReadDifferently,
                    Locate(endContext.Compilation, difference, endContext.CancellationToken),
                    difference.What, difference.Written, difference.Bound, difference.Suggestion));
            }
        });
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
