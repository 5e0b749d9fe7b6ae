using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Binding;

/// <summary>
/// The checks that need every .crmmap file of the project at once: a provider defined twice
/// (CRM0013), a <c>[CrmProvider]</c> class no file defines (CRM0014), a provider without a
/// class (CRM0015), a provider class that is not partial (CRM0023) and one the adapter cannot
/// create (CRM0037).
/// </summary>
internal static class CrmProjectChecker
{
    /// <summary>
    /// Checks <paramref name="files"/> against the provider classes of <paramref name="facts"/>.
    /// Files are taken in path order, providers in source order, so "the second definition" is
    /// well defined. CRM0014, CRM0023 and CRM0037 are located at the class identifier in its C#
    /// file (<see cref="CrmDiagnostic.FilePath"/> is then a .cs path); the others in the .crmmap
    /// file. <paramref name="includeClassChecks"/> false leaves out the per-class checks
    /// (<see cref="CheckClass"/>).
    /// </summary>
    public static ImmutableArray<CrmDiagnostic> Check(ImmutableArray<CrmMapFileSyntax> files, CompilationFacts facts, bool includeClassChecks = true)
    {
        var diagnostics = ImmutableArray.CreateBuilder<CrmDiagnostic>();
        var ordered = files.IsDefault ? new List<CrmMapFileSyntax>() : files.Where(f => f is not null).OrderBy(f => f.FilePath, StringComparer.Ordinal).ToList();

        var classes = new Dictionary<string, ProviderClassFacts>(StringComparer.Ordinal);
        foreach (var providerClass in facts.ProviderClasses)
        {
            if (classes.TryGetValue(providerClass.ProviderName, out var first))
            {
                diagnostics.Add(ClassDiagnostic(CrmDiagnosticDescriptors.DuplicateProvider, providerClass,
                    providerClass.ProviderName, "; class " + first.ClassName + " is already marked [CrmProvider(\"" + providerClass.ProviderName + "\")]"));
                continue;
            }
            classes.Add(providerClass.ProviderName, providerClass);
        }

        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            foreach (var provider in file.Providers)
            {
                var name = provider?.Name;
                if (name is null || name.IsMissing) continue;
                if (defined.TryGetValue(name.Text, out var firstFile))
                {
                    var where = firstFile == file.FilePath ? "; the first definition is earlier in this file" : "; the first definition is in " + FileName(firstFile);
                    diagnostics.Add(FileDiagnostic(CrmDiagnosticDescriptors.DuplicateProvider, file, name, name.Text, where));
                    continue;
                }
                defined.Add(name.Text, file.FilePath);
                if (!classes.ContainsKey(name.Text))
                {
                    diagnostics.Add(FileDiagnostic(CrmDiagnosticDescriptors.DefinitionWithoutProviderClass, file, name, name.Text));
                }
            }
        }

        foreach (var providerClass in facts.ProviderClasses)
        {
            if (!defined.ContainsKey(providerClass.ProviderName))
            {
                diagnostics.Add(ClassDiagnostic(CrmDiagnosticDescriptors.ProviderClassWithoutDefinition, providerClass, providerClass.ClassName, providerClass.ProviderName));
            }
            if (includeClassChecks && CheckClass(providerClass) is { } classDiagnostic) diagnostics.Add(classDiagnostic);
        }
        return diagnostics.ToImmutable();
    }

    /// <summary>
    /// What one provider class needs whatever the .crmmap files say: to be partial (CRM0023) and
    /// creatable with <c>new C()</c> (CRM0037). The analyzer reports these as each class is
    /// analysed, so they show live in the IDE.
    /// </summary>
    public static CrmDiagnostic? CheckClass(ProviderClassFacts providerClass)
    {
        if (!providerClass.IsPartial)
        {
            return ClassDiagnostic(CrmDiagnosticDescriptors.ProviderClassNotPartial, providerClass, providerClass.ClassName);
        }
        if (providerClass.CannotBeCreated is { } reason)
        {
            var fix = reason switch
            {
                "is static" => "; remove 'static' (hooks stay static methods)",
                "is abstract" => "; remove 'abstract'",
                "is generic or nested in a generic class" => "; declare it at namespace level or in a non-generic class",
                _ => "; add 'private " + providerClass.ClassName + "() { }'",
            };
            return ClassDiagnostic(CrmDiagnosticDescriptors.ProviderClassCannotBeCreated, providerClass, providerClass.ClassName, reason, fix);
        }
        return null;
    }

    private static CrmDiagnostic FileDiagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, CrmMapFileSyntax file, IdentifierSyntax name, params string[] arguments)
        => new(descriptor.Id, new EquatableArray<string>(ImmutableArray.Create(arguments)), file.FilePath, name.Span, file.Lines.GetLineSpan(name.Span));

    private static CrmDiagnostic ClassDiagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, ProviderClassFacts providerClass, params string[] arguments)
        => new(descriptor.Id, new EquatableArray<string>(ImmutableArray.Create(arguments)), providerClass.FilePath, providerClass.Span, providerClass.LineSpan);

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
