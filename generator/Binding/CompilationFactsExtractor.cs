using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Takes the <see cref="CompilationFacts"/> the binder needs from a compilation: the unified
/// models (classes marked <c>[CrmGen.UnifiedModel]</c> in the compilation and in the assembly
/// that defines the attribute) and the provider classes (classes marked
/// <c>[CrmGen.CrmProvider]</c> in the compilation).
/// </summary>
/// <remarks>
/// The analyzer calls this once per compilation; the generator takes the same facts in
/// incremental pieces (<see cref="CompilationFactSources"/>). This runs on every compilation change, so it looks at as little as it can: a syntactic pass
/// over type declarations that carry attributes picks the candidate class names, and only those
/// symbols are asked for their attributes. The result is sorted and made of equatable values,
/// so an unrelated edit yields equal facts.
/// </remarks>
internal static class CompilationFactsExtractor
{
    /// <summary>The metadata name of the attribute that marks unified models.</summary>
    internal const string UnifiedModelAttributeName = "CrmGen.UnifiedModelAttribute";

    /// <summary>The metadata name of the attribute that marks provider classes.</summary>
    internal const string CrmProviderAttributeName = "CrmGen.CrmProviderAttribute";

    /// <summary>Extracts the facts of <paramref name="compilation"/>.</summary>
    public static CompilationFacts Extract(Compilation compilation, CancellationToken ct)
    {
        var unifiedModelAttribute = compilation.GetTypeByMetadataName(UnifiedModelAttributeName);
        var providerAttribute = compilation.GetTypeByMetadataName(CrmProviderAttributeName);
        if (unifiedModelAttribute is null && providerAttribute is null)
        {
            return new CompilationFacts(EquatableArray<UnifiedModelFacts>.Empty, EquatableArray<ProviderClassFacts>.Empty);
        }

        var resolver = new CrmTypeResolver(unifiedModelAttribute);
        var models = new List<UnifiedModelFacts>();
        var providers = new List<ProviderClassFacts>();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        foreach (var type in FindAttributedSourceClasses(compilation, ct))
        {
            ct.ThrowIfCancellationRequested();
            if (!seen.Add(type)) continue;
            foreach (var attribute in type.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null) continue;
                if (unifiedModelAttribute is not null && SymbolEqualityComparer.Default.Equals(attributeClass, unifiedModelAttribute))
                {
                    models.Add(DescribeModel(type, attribute, resolver, ct));
                }
                else if (providerAttribute is not null && SymbolEqualityComparer.Default.Equals(attributeClass, providerAttribute))
                {
                    var provider = DescribeProvider(type, attribute, resolver, ct);
                    if (provider is not null) providers.Add(provider);
                }
            }
        }

        // The runtime's own models (Contact, Pipeline…) live in the attribute's assembly; a
        // library of the user's models references it.
        var known = new HashSet<string>(models.Select(m => m.FullyQualifiedName), StringComparer.Ordinal);
        foreach (var model in ExtractMetadataModels(compilation, ct))
        {
            if (known.Add(model.FullyQualifiedName)) models.Add(model);
        }

        SortModels(models);
        SortProviders(providers);
        return new CompilationFacts(models.ToEquatableArray(), providers.ToEquatableArray());
    }

    /// <summary>
    /// The unified models of the referenced assemblies, sorted: the public classes marked
    /// <c>[UnifiedModel]</c> in the assembly that defines the attribute (the runtime's Contact,
    /// Pipeline…) and in every referenced assembly that references that one (a library of the
    /// user's own models). Empty when the attribute is declared in the compilation itself.
    /// </summary>
    public static EquatableArray<UnifiedModelFacts> ExtractMetadataModels(Compilation compilation, CancellationToken ct)
    {
        var unifiedModelAttribute = compilation.GetTypeByMetadataName(UnifiedModelAttributeName);
        if (unifiedModelAttribute is null || SymbolEqualityComparer.Default.Equals(unifiedModelAttribute.ContainingAssembly, compilation.Assembly))
        {
            return EquatableArray<UnifiedModelFacts>.Empty;
        }
        var attributeAssembly = unifiedModelAttribute.ContainingAssembly;
        var resolver = new CrmTypeResolver(unifiedModelAttribute);
        var models = new List<UnifiedModelFacts>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in ModelAssemblies(compilation, attributeAssembly))
        {
            ct.ThrowIfCancellationRequested();
            var found = new List<UnifiedModelFacts>();
            AddMetadataModels(assembly.GlobalNamespace, unifiedModelAttribute, resolver, found, ct);
            foreach (var model in found)
            {
                if (seen.Add(model.FullyQualifiedName)) models.Add(model);
            }
        }
        SortModels(models);
        return models.ToEquatableArray();
    }

    /// <summary>The attribute's assembly, then the referenced assemblies that reference it (only they can use the attribute).</summary>
    private static IEnumerable<IAssemblySymbol> ModelAssemblies(Compilation compilation, IAssemblySymbol attributeAssembly)
    {
        yield return attributeAssembly;
        var name = attributeAssembly.Identity.Name;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, attributeAssembly)) continue;
            foreach (var module in assembly.Modules)
            {
                if (module.ReferencedAssemblies.Any(identity => string.Equals(identity.Name, name, StringComparison.Ordinal)))
                {
                    yield return assembly;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The facts as the generator reads them: the declarations read from syntax
    /// (<see cref="DeclarationReader"/>), resolved against the referenced models.
    /// </summary>
    public static CompilationFacts ExtractFromSyntax(Compilation compilation, CancellationToken ct)
    {
        var declarations = ImmutableArray.CreateBuilder<DeclaredClass?>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var node in tree.GetRoot(ct).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (DeclarationReader.IsCandidate(node, ct) && DeclarationReader.Read(node, ct) is { } declaration) declarations.Add(declaration);
            }
        }
        return DeclarationResolver.Resolve(
            declarations.ToImmutable(),
            ExtractMetadataModels(compilation, ct),
            compilation.Options.NullableContextOptions.AnnotationsEnabled(),
            ct);
    }

    /// <summary>Sorts models by fully qualified name, the order of <see cref="CompilationFacts.Models"/>.</summary>
    internal static void SortModels(List<UnifiedModelFacts> models)
        => models.Sort(static (a, b) => string.CompareOrdinal(a.FullyQualifiedName, b.FullyQualifiedName));

    /// <summary>Sorts provider classes by provider name, then class, the order of <see cref="CompilationFacts.ProviderClasses"/>.</summary>
    internal static void SortProviders(List<ProviderClassFacts> providers)
        => providers.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.ProviderName, b.ProviderName);
            return byName != 0 ? byName : string.CompareOrdinal(a.FullyQualifiedName, b.FullyQualifiedName);
        });

    /// <summary>
    /// The classes of the compilation that may carry one of the two attributes: a syntactic
    /// filter on attribute names (including using aliases), then a symbol lookup by name.
    /// </summary>
    private static IEnumerable<INamedTypeSymbol> FindAttributedSourceClasses(Compilation compilation, CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var attributeNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "UnifiedModel", "UnifiedModelAttribute", "CrmProvider", "CrmProviderAttribute",
        };

        var roots = new List<CompilationUnitSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            ct.ThrowIfCancellationRequested();
            if (tree.GetRoot(ct) is not CompilationUnitSyntax root) continue;
            roots.Add(root);
            foreach (var alias in AliasNames(root)) attributeNames.Add(alias);
        }

        foreach (var root in roots)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is not TypeDeclarationSyntax { AttributeLists.Count: > 0 } declaration
                    || !(declaration is ClassDeclarationSyntax || declaration.IsKind(SyntaxKind.RecordDeclaration)))
                {
                    continue;
                }

                if (HasCandidateAttribute(declaration, attributeNames)) names.Add(declaration.Identifier.ValueText);
            }
        }

        if (names.Count == 0) return Array.Empty<INamedTypeSymbol>();
        return compilation.GetSymbolsWithName(names.Contains, SymbolFilter.Type, ct).OfType<INamedTypeSymbol>();
    }

    private static IEnumerable<string> AliasNames(CompilationUnitSyntax root)
    {
        foreach (var usingDirective in root.Usings)
        {
            if (usingDirective.Alias is not null) yield return usingDirective.Alias.Name.Identifier.ValueText;
        }
        foreach (var member in root.Members)
        {
            if (member is not BaseNamespaceDeclarationSyntax ns) continue;
            foreach (var usingDirective in ns.Usings)
            {
                if (usingDirective.Alias is not null) yield return usingDirective.Alias.Name.Identifier.ValueText;
            }
        }
    }

    private static bool HasCandidateAttribute(TypeDeclarationSyntax declaration, HashSet<string> attributeNames)
    {
        foreach (var list in declaration.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => "",
                };
                if (attributeNames.Contains(name)) return true;
            }
        }
        return false;
    }

    /// <summary>Adds the public classes marked with <paramref name="unifiedModelAttribute"/> under <paramref name="ns"/>.</summary>
    internal static void AddMetadataModels(
        INamespaceSymbol ns,
        INamedTypeSymbol unifiedModelAttribute,
        CrmTypeResolver resolver,
        List<UnifiedModelFacts> models,
        CancellationToken ct)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            AddMetadataModel(type, unifiedModelAttribute, resolver, models, ct);
        }
        foreach (var child in ns.GetNamespaceMembers())
        {
            AddMetadataModels(child, unifiedModelAttribute, resolver, models, ct);
        }
    }

    private static void AddMetadataModel(
        INamedTypeSymbol type,
        INamedTypeSymbol unifiedModelAttribute,
        CrmTypeResolver resolver,
        List<UnifiedModelFacts> models,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (type.TypeKind == TypeKind.Class && type.DeclaredAccessibility == Accessibility.Public)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, unifiedModelAttribute))
                {
                    models.Add(DescribeModel(type, attribute, resolver, ct));
                    break;
                }
            }
        }
        foreach (var nested in type.GetTypeMembers())
        {
            AddMetadataModel(nested, unifiedModelAttribute, resolver, models, ct);
        }
    }

    /// <summary>The facts of one unified model class.</summary>
    internal static UnifiedModelFacts DescribeModel(INamedTypeSymbol type, AttributeData attribute, CrmTypeResolver resolver, CancellationToken ct)
    {
        string? resource = null;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string value)
        {
            resource = value;
        }

        var properties = new List<UnifiedPropertyFacts>();
        var names = new HashSet<string>(StringComparer.Ordinal);

        // Most derived first, so an override or `new` property hides the base one.
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            ct.ThrowIfCancellationRequested();
            var level = new List<UnifiedPropertyFacts>();
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol property || !IsSettable(property) || !names.Add(property.Name)) continue;
                level.Add(new UnifiedPropertyFacts(WireName(property), property.Name, resolver.Resolve(property.Type)));
            }
            properties.InsertRange(0, level);
        }

        return new UnifiedModelFacts(
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.Name,
            resource,
            properties.ToEquatableArray());
    }

    private static bool IsSettable(IPropertySymbol property)
        => !property.IsStatic
           && !property.IsIndexer
           && property.DeclaredAccessibility == Accessibility.Public
           && property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false };

    /// <summary>The name from <c>[JsonPropertyName]</c>, otherwise the C# name in snake_case.</summary>
    private static string WireName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is not null
                && attributeClass.Name == "JsonPropertyNameAttribute"
                && CrmTypeResolver.IsInNamespace(attributeClass, "System", "Text", "Json", "Serialization")
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }
        return SnakeCase.From(property.Name);
    }

    private static bool IsInGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.Arity > 0) return true;
        }
        return false;
    }

    /// <summary>The facts of one provider class, or <see langword="null"/> without a provider name.</summary>
    internal static ProviderClassFacts? DescribeProvider(INamedTypeSymbol type, AttributeData attribute, CrmTypeResolver resolver, CancellationToken ct)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string providerName)
        {
            return null;
        }

        TypeDeclarationSyntax? declaration = null;
        var isPartial = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(ct) is not TypeDeclarationSyntax candidate) continue;
            if (candidate.Modifiers.Any(SyntaxKind.PartialKeyword)) isPartial = true;
            if (declaration is null || (declaration.AttributeLists.Count == 0 && candidate.AttributeLists.Count > 0))
            {
                declaration = candidate;
            }
        }

        // The generated part of a nested class also needs every containing class to be partial.
        for (var container = type.ContainingType; container is not null && isPartial; container = container.ContainingType)
        {
            isPartial = container.DeclaringSyntaxReferences.Any(r => r.GetSyntax(ct) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
        }

        var hooks = new List<HookMethodFacts>();
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary, IsGenericMethod: false } method) continue;
            var parameters = ImmutableArray.CreateBuilder<CrmType>(method.Parameters.Length);
            var nonNullable = ImmutableArray.CreateBuilder<bool>(method.Parameters.Length);
            foreach (var parameter in method.Parameters)
            {
                // A value-type parameter without '?' cannot take a mapped value that may be null.
                // So does a reference-type parameter annotated as not nullable (string, not string?).
                nonNullable.Add(parameter.Type.IsValueType
                    ? parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                    : parameter.NullableAnnotation == NullableAnnotation.NotAnnotated);
            }
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind is not (RefKind.None or RefKind.In))
                {
                    parameters.Add(new CrmType(CrmTypeKind.Error, parameter.RefKind.ToString().ToLowerInvariant() + " " + parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
                }
                else
                {
                    parameters.Add(resolver.Resolve(parameter.Type));
                }
            }
            var returnType = method.ReturnsByRef || method.ReturnsByRefReadonly
                ? new CrmType(CrmTypeKind.Error, "ref " + method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                : resolver.Resolve(method.ReturnType);
            hooks.Add(new HookMethodFacts(method.Name, returnType, new EquatableArray<CrmType>(parameters.MoveToImmutable()))
            {
                NonNullableParameters = new EquatableArray<bool>(nonNullable.MoveToImmutable()),
            });
        }
        // Stable sort: overloads keep their declaration order.
        var sortedHooks = hooks.Select((h, i) => (h, i))
            .OrderBy(x => x.h.Name, StringComparer.Ordinal)
            .ThenBy(x => x.i)
            .Select(x => x.h);

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : "";
        var filePath = "";
        var span = default(TextSpan);
        var lineSpan = default(LinePositionSpan);
        if (declaration is not null)
        {
            filePath = declaration.SyntaxTree.FilePath;
            span = declaration.Identifier.Span;
            lineSpan = declaration.SyntaxTree.GetLineSpan(span, ct).Span;
        }

        return new ProviderClassFacts(
            providerName,
            ns,
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            isPartial,
            sortedHooks.ToEquatableArray(),
            filePath,
            span,
            lineSpan)
        {
            CannotBeCreated = IsInGeneric(type) ? "is generic or nested in a generic class"
                : type.IsStatic ? "is static"
                : type.IsAbstract ? "is abstract"
                : type.InstanceConstructors.Any(c => c.Parameters.All(p => p.IsOptional || p.IsParams)) ? null
                : "has no constructor that takes no arguments",
        };
    }
}
