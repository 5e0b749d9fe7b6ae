using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CrmGen.Generator.Model;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Turns the <see cref="DeclaredClass"/> values read from syntax, with the unified models of the
/// referenced assemblies, into the <see cref="CompilationFacts"/> the binder uses: the classes
/// marked <c>[UnifiedModel]</c> become models, the classes marked <c>[CrmProvider]</c> provider
/// classes whose hooks are the static methods of all their parts, and every written type is
/// resolved by name.
/// </summary>
/// <remarks>
/// Names resolve as C# would resolve them for the types a mapping can use: the keywords, their
/// <c>System</c> names, <c>DateTimeOffset</c>, <c>List&lt;T&gt;</c>,
/// <c>Dictionary&lt;string, object?&gt;</c>, <c>RawJson</c> and the unified models (a simple name
/// is looked up in the enclosing namespaces, then in the file's <c>using</c> namespaces, then
/// anywhere when only one model has it). Anything else is an error type that keeps its text.
/// The analyzer compares the result with the compilation's own binding (CRM0036).
/// </remarks>
internal static class DeclarationResolver
{
    private const string ListName = "global::System.Collections.Generic.List";
    private const string CustomFieldsName = "global::System.Collections.Generic.Dictionary<string, object?>";
    private const string RawJsonName = "global::CrmGen.RawJson";

    /// <summary>
    /// The facts of <paramref name="declarations"/>; <paramref name="annotationsByDefault"/> is the
    /// project's nullable setting (annotations on or off where no <c>#nullable</c> directive says).
    /// </summary>
    public static CompilationFacts Resolve(
        ImmutableArray<DeclaredClass?> declarations,
        EquatableArray<UnifiedModelFacts> metadataModels,
        bool annotationsByDefault,
        CancellationToken ct)
    {
        var ordered = declarations.IsDefault
            ? new List<DeclaredClass>()
            : declarations.Where(d => d is not null).Select(d => d!)
                .OrderBy(d => d.FilePath, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ToList();

        // The model names first: a model's properties and a hook's parameters may name any model.
        var sourceModels = new List<DeclaredClass>();
        var modelNames = new List<(string FullyQualifiedName, string Name)>();
        var seenModels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in ordered)
        {
            if (declaration.HasModelAttribute && seenModels.Add(FullyQualifiedName(declaration)))
            {
                sourceModels.Add(declaration);
                modelNames.Add((FullyQualifiedName(declaration), declaration.ClassName));
            }
        }
        // A source class hides a referenced model of the same name, as C# binds the source one.
        var models = new List<UnifiedModelFacts>();
        var byName = new Dictionary<string, UnifiedModelFacts>(StringComparer.Ordinal);
        foreach (var model in metadataModels)
        {
            if (!seenModels.Add(model.FullyQualifiedName)) continue;
            modelNames.Add((model.FullyQualifiedName, model.Name));
            models.Add(model);
            byName[model.FullyQualifiedName] = model;
        }

        var parts = new Dictionary<string, List<DeclaredClass>>(StringComparer.Ordinal);
        foreach (var declaration in ordered)
        {
            if (!declaration.IsPartial) continue;
            if (!parts.TryGetValue(declaration.QualifiedName, out var list)) parts.Add(declaration.QualifiedName, list = new List<DeclaredClass>());
            list.Add(declaration);
        }
        List<DeclaredClass> PartsOf(DeclaredClass declaration)
            => declaration.IsPartial && parts.TryGetValue(declaration.QualifiedName, out var found) ? found : new List<DeclaredClass> { declaration };

        var resolver = new Resolver(modelNames);
        var sourceByName = new Dictionary<string, DeclaredClass>(StringComparer.Ordinal);
        foreach (var declaration in sourceModels) sourceByName[FullyQualifiedName(declaration)] = declaration;
        var describing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in sourceModels)
        {
            ct.ThrowIfCancellationRequested();
            models.Add(DescribeModel(declaration, PartsOf, resolver, byName, sourceByName, describing));
        }

        var providers = new List<ProviderClassFacts>();
        var seenProviders = new HashSet<(string, string)>();
        foreach (var declaration in ordered)
        {
            ct.ThrowIfCancellationRequested();
            if (!declaration.HasProviderAttribute || declaration.ProviderName is not { } providerName) continue;
            if (!seenProviders.Add((providerName, declaration.QualifiedName))) continue;
            providers.Add(DescribeProvider(declaration, providerName, PartsOf(declaration), resolver, annotationsByDefault));
        }

        CompilationFactsExtractor.SortModels(models);
        CompilationFactsExtractor.SortProviders(providers);
        return new CompilationFacts(models.ToEquatableArray(), providers.ToEquatableArray());
    }

    private static string FullyQualifiedName(DeclaredClass declaration) => "global::" + declaration.DottedName;

    private static UnifiedModelFacts DescribeModel(
        DeclaredClass declaration,
        Func<DeclaredClass, List<DeclaredClass>> partsOf,
        Resolver resolver,
        Dictionary<string, UnifiedModelFacts> described,
        Dictionary<string, DeclaredClass> sourceModels,
        HashSet<string> describing)
    {
        var fullName = FullyQualifiedName(declaration);
        if (described.TryGetValue(fullName, out var done)) return done;
        describing.Add(fullName);

        var properties = new List<UnifiedPropertyFacts>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        CrmType? baseModel = null;
        foreach (var part in partsOf(declaration))
        {
            foreach (var property in part.Properties)
            {
                if (!names.Add(property.Name)) continue;
                properties.Add(new UnifiedPropertyFacts(property.WireName ?? SnakeCase.From(property.Name), property.Name, resolver.Resolve(property.Type, part)));
            }
            // Any part may name the base class (the others may list interfaces only).
            if (baseModel is null && part.BaseType is { } written && resolver.Resolve(written, part) is { Kind: CrmTypeKind.Model } model)
            {
                baseModel = model;
            }
        }

        // A base class that is itself a unified model lends its properties (those not hidden here), first.
        if (baseModel is not null)
        {
            UnifiedModelFacts? baseFacts = null;
            if (described.TryGetValue(baseModel.CSharpName, out var known)) baseFacts = known;
            else if (sourceModels.TryGetValue(baseModel.CSharpName, out var baseDeclaration) && !describing.Contains(baseModel.CSharpName))
            {
                baseFacts = DescribeModel(baseDeclaration, partsOf, resolver, described, sourceModels, describing);
            }
            if (baseFacts is not null)
            {
                properties.InsertRange(0, baseFacts.Properties.Where(p => !names.Contains(p.PropertyName)));
            }
        }

        var facts = new UnifiedModelFacts(fullName, declaration.ClassName, declaration.ModelResource, properties.ToEquatableArray());
        described[fullName] = facts;
        describing.Remove(fullName);
        return facts;
    }

    private static ProviderClassFacts DescribeProvider(
        DeclaredClass declaration,
        string providerName,
        List<DeclaredClass> parts,
        Resolver resolver,
        bool annotationsByDefault)
    {
        var hooks = new List<HookMethodFacts>();
        foreach (var part in parts)
        {
            foreach (var hook in part.Hooks)
            {
                if (hook.IsPartialImplementation && HasPartialDefinition(parts, hook)) continue;
                var annotations = hook.Annotations switch
                {
                    NullableAnnotations.Enabled => true,
                    NullableAnnotations.Disabled => false,
                    _ => annotationsByDefault,
                };
                var parameters = ImmutableArray.CreateBuilder<CrmType>(hook.Parameters.Count);
                var nonNullable = ImmutableArray.CreateBuilder<bool>(hook.Parameters.Count);
                foreach (var parameter in hook.Parameters)
                {
                    nonNullable.Add(IsNonNullable(parameter.Type, annotations, resolver, part));
                    parameters.Add(parameter.RefKind.Length > 0
                        ? new CrmType(CrmTypeKind.Error, parameter.RefKind + " " + parameter.Type.Text)
                        : resolver.Resolve(parameter.Type, part));
                }
                var returnType = hook.ReturnsByRef
                    ? new CrmType(CrmTypeKind.Error, "ref " + hook.ReturnType.Text)
                    : resolver.Resolve(hook.ReturnType, part);
                hooks.Add(new HookMethodFacts(hook.Name, returnType, new EquatableArray<CrmType>(parameters.MoveToImmutable()))
                {
                    NonNullableParameters = new EquatableArray<bool>(nonNullable.MoveToImmutable()),
                });
            }
        }
        // Stable sort: overloads keep their declaration order.
        var sortedHooks = hooks.Select((h, i) => (h, i)).OrderBy(x => x.h.Name, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.h);

        var isPartial = parts.Any(p => p.IsPartial) && declaration.ContainersPartial;
        var constructors = parts.Any(p => p.Constructors == 1) ? 1 : parts.Any(p => p.Constructors == -1) ? -1 : 0;
        return new ProviderClassFacts(
            providerName,
            declaration.Namespace,
            declaration.ClassName,
            FullyQualifiedName(declaration),
            isPartial,
            sortedHooks.ToEquatableArray(),
            declaration.FilePath,
            declaration.Span,
            declaration.LineSpan)
        {
            CannotBeCreated = declaration.InGeneric ? "is generic or nested in a generic class"
                : parts.Any(p => p.IsStatic) ? "is static"
                : parts.Any(p => p.IsAbstract) ? "is abstract"
                : constructors == -1 ? "has no constructor that takes no arguments"
                : null,
        };
    }

    private static bool HasPartialDefinition(List<DeclaredClass> parts, DeclaredHook implementation)
    {
        foreach (var part in parts)
        {
            foreach (var hook in part.Hooks)
            {
                if (!hook.IsPartialImplementation && hook.Name == implementation.Name && hook.Parameters.Count == implementation.Parameters.Count) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A value type without <c>?</c>, or a reference type without <c>?</c> where annotations are on:
    /// a parameter that cannot take a mapped value that may be null.
    /// </summary>
    private static bool IsNonNullable(WrittenType type, bool annotations, Resolver resolver, DeclaredClass scope)
    {
        if (type.Nullable) return false;
        if (type.Kind == WrittenTypeKind.Named && type.Arguments.Count == 1 && type.Name is "Nullable" or "System.Nullable") return false;
        return IsValueType(resolver.Expand(type, scope)) || annotations;
    }

    private static bool IsValueType(WrittenType type) => type.Kind switch
    {
        WrittenTypeKind.Keyword => type.Name is not ("string" or "object" or "dynamic"),
        WrittenTypeKind.Named => type.Arguments.Count == 0 && type.Name is "DateTimeOffset" or "System.DateTimeOffset"
            or "Int32" or "System.Int32" or "Int64" or "System.Int64" or "Decimal" or "System.Decimal"
            or "Double" or "System.Double" or "Boolean" or "System.Boolean",
        _ => false,
    };

    /// <summary>Resolves written types by name against the model names.</summary>
    private sealed class Resolver
    {
        private readonly Dictionary<string, List<string>> _modelsBySimpleName = new(StringComparer.Ordinal);
        private readonly HashSet<string> _models = new(StringComparer.Ordinal);

        public Resolver(List<(string FullyQualifiedName, string Name)> models)
        {
            foreach (var (fullName, name) in models)
            {
                _models.Add(fullName);
                if (!_modelsBySimpleName.TryGetValue(name, out var list)) _modelsBySimpleName.Add(name, list = new List<string>());
                list.Add(fullName);
            }
        }

        /// <summary>The alias target when <paramref name="type"/> is an alias of the declaration's file.</summary>
        public WrittenType Expand(WrittenType type, DeclaredClass scope)
        {
            if (type.Kind != WrittenTypeKind.Named || type.Arguments.Count > 0 || type.Name.IndexOf('.') >= 0) return type;
            foreach (var alias in scope.Aliases)
            {
                if (alias.Name == type.Name) return alias.Target with { Nullable = type.Nullable || alias.Target.Nullable };
            }
            return type;
        }

        public CrmType Resolve(WrittenType written, DeclaredClass scope)
        {
            var type = Expand(written, scope);
            if (type.Kind == WrittenTypeKind.Named && type.Arguments.Count == 1 && type.Name is "Nullable" or "System.Nullable")
            {
                type = type.Arguments[0];
            }

            switch (type.Kind)
            {
                case WrittenTypeKind.Keyword:
                    return Keyword(type.Name) ?? Error(type);
                case WrittenTypeKind.Other:
                    return Error(type);
            }

            var name = type.Name;
            var system = name.StartsWith("System.", StringComparison.Ordinal) ? name.Substring("System.".Length) : null;
            if (type.Arguments.Count == 0)
            {
                switch (system ?? name)
                {
                    case "String": return CrmType.String;
                    case "Int32": return CrmType.Int;
                    case "Int64": return CrmType.Long;
                    case "Decimal": return CrmType.Decimal;
                    case "Double": return CrmType.Double;
                    case "Boolean": return CrmType.Boolean;
                    case "DateTimeOffset": return CrmType.DateTime;
                }
                if (name is "RawJson" or "CrmGen.RawJson") return new CrmType(CrmTypeKind.RemoteData, RawJsonName);
            }

            if (type.Arguments.Count == 1 && name is "List" or "System.Collections.Generic.List" or "Collections.Generic.List")
            {
                var elementType = type.Arguments[0];
                var element = Resolve(elementType, scope);
                var expanded = Expand(elementType, scope);
                var annotated = expanded.Nullable
                                || (expanded.Kind == WrittenTypeKind.Named && expanded.Arguments.Count == 1 && expanded.Name is "Nullable" or "System.Nullable");
                var listName = ListName + "<" + element.CSharpName + (annotated ? "?" : "") + ">";
                return element.Kind == CrmTypeKind.Error ? new CrmType(CrmTypeKind.Error, listName) : new CrmType(CrmTypeKind.List, listName, element);
            }

            if (type.Arguments.Count == 2 && name is "Dictionary" or "System.Collections.Generic.Dictionary" or "Collections.Generic.Dictionary"
                && Resolve(type.Arguments[0], scope).Kind == CrmTypeKind.String
                && IsObject(Expand(type.Arguments[1], scope)))
            {
                return new CrmType(CrmTypeKind.CustomFields, CustomFieldsName);
            }

            if (type.Arguments.Count == 0 && Model(name, scope) is { } model)
            {
                return new CrmType(CrmTypeKind.Model, model);
            }

            return Error(type);
        }

        private static bool IsObject(WrittenType type)
            => (type.Kind == WrittenTypeKind.Keyword && type.Name == "object")
               || (type.Kind == WrittenTypeKind.Named && type.Arguments.Count == 0 && type.Name is "Object" or "System.Object");

        private static CrmType? Keyword(string keyword) => keyword switch
        {
            "string" => CrmType.String,
            "int" => CrmType.Int,
            "long" => CrmType.Long,
            "decimal" => CrmType.Decimal,
            "double" => CrmType.Double,
            "bool" => CrmType.Boolean,
            _ => null,
        };

        private static CrmType Error(WrittenType type)
            => new(CrmTypeKind.Error, type.Nullable && type.Text.EndsWith("?", StringComparison.Ordinal) ? type.Text.Substring(0, type.Text.Length - 1) : type.Text);

        /// <summary>The fully qualified name of the model <paramref name="name"/> denotes in <paramref name="scope"/>, if any.</summary>
        private string? Model(string name, DeclaredClass scope)
        {
            if (name.IndexOf('.') >= 0)
            {
                if (_models.Contains("global::" + name)) return "global::" + name;
                // Qualified relative to an enclosing namespace.
                for (var ns = scope.Namespace; ns.Length > 0; ns = Parent(ns))
                {
                    if (_models.Contains("global::" + ns + "." + name)) return "global::" + ns + "." + name;
                }
                return null;
            }

            if (!_modelsBySimpleName.TryGetValue(name, out var candidates)) return null;
            if (candidates.Count == 1) return candidates[0];
            // The innermost enclosing namespace that has one, then the file's using namespaces.
            for (var ns = scope.Namespace; ; ns = Parent(ns))
            {
                var qualified = "global::" + (ns.Length == 0 ? name : ns + "." + name);
                if (candidates.Contains(qualified)) return qualified;
                if (ns.Length == 0) break;
            }
            string? imported = null;
            foreach (var usingNamespace in scope.Usings)
            {
                var qualified = "global::" + usingNamespace + "." + name;
                if (!candidates.Contains(qualified)) continue;
                if (imported is not null && imported != qualified) return null;
                imported = qualified;
            }
            return imported;
        }

        private static string Parent(string ns)
        {
            var dot = ns.LastIndexOf('.');
            return dot < 0 ? "" : ns.Substring(0, dot);
        }
    }
}
