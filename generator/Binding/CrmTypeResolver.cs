using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Maps C# types to <see cref="CrmType"/>: the scalars, <c>List&lt;T&gt;</c>, unified models,
/// the custom-field dictionary and <c>CrmGen.RawJson</c>. Anything else becomes an
/// <see cref="CrmTypeKind.Error"/> type that keeps the C# name, so a mapping that uses it can say
/// which type it cannot use. Nullable annotations and <c>Nullable&lt;T&gt;</c> are ignored.
/// </summary>
internal sealed class CrmTypeResolver
{
    private const string ListName = "global::System.Collections.Generic.List";
    private const string CustomFieldsName = "global::System.Collections.Generic.Dictionary<string, object?>";
    private const string RawJsonName = "global::CrmGen.RawJson";

    private static readonly SymbolDisplayFormat NameFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly INamedTypeSymbol? _unifiedModelAttribute;
    private readonly Dictionary<ITypeSymbol, CrmType> _cache = new(SymbolEqualityComparer.Default);

    public CrmTypeResolver(INamedTypeSymbol? unifiedModelAttribute) => _unifiedModelAttribute = unifiedModelAttribute;

    /// <summary>The CrmType of a C# type.</summary>
    public CrmType Resolve(ITypeSymbol type)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol { TypeArguments.Length: 1 } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        // Annotated and unannotated reference types are distinct symbols that compare equal here.
        if (_cache.TryGetValue(type, out var cached)) return cached;
        var resolved = ResolveCore(type);
        _cache[type] = resolved;
        return resolved;
    }

    private CrmType ResolveCore(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return CrmType.String;
            case SpecialType.System_Int32: return CrmType.Int;
            case SpecialType.System_Int64: return CrmType.Long;
            case SpecialType.System_Decimal: return CrmType.Decimal;
            case SpecialType.System_Double: return CrmType.Double;
            case SpecialType.System_Boolean: return CrmType.Boolean;
            case SpecialType.System_Void: return new CrmType(CrmTypeKind.Error, "void");
        }

        if (type is not INamedTypeSymbol named || named.TypeKind == TypeKind.Error)
        {
            return new CrmType(CrmTypeKind.Error, type.ToDisplayString(NameFormat));
        }

        if (named.Arity == 0 && named.Name == "DateTimeOffset" && IsInNamespace(named, "System"))
        {
            return CrmType.DateTime;
        }

        if (named.Arity == 0 && named.Name == "RawJson" && IsInNamespace(named, "CrmGen"))
        {
            return new CrmType(CrmTypeKind.RemoteData, RawJsonName);
        }

        if (named.Arity == 1 && named.Name == "List" && IsInNamespace(named, "System", "Collections", "Generic"))
        {
            var elementSymbol = named.TypeArguments[0];
            var element = Resolve(elementSymbol);
            var annotated = elementSymbol.NullableAnnotation == NullableAnnotation.Annotated
                            || elementSymbol.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            var name = ListName + "<" + element.CSharpName + (annotated ? "?" : "") + ">";
            // A list of something no mapping can use is itself unusable.
            return element.Kind == CrmTypeKind.Error ? new CrmType(CrmTypeKind.Error, name) : new CrmType(CrmTypeKind.List, name, element);
        }

        if (named.Arity == 2 && named.Name == "Dictionary" && IsInNamespace(named, "System", "Collections", "Generic")
            && named.TypeArguments[0].SpecialType == SpecialType.System_String
            && named.TypeArguments[1].SpecialType == SpecialType.System_Object)
        {
            return new CrmType(CrmTypeKind.CustomFields, CustomFieldsName);
        }

        if (named.TypeKind == TypeKind.Class && IsUnifiedModel(named))
        {
            return new CrmType(CrmTypeKind.Model, named.ToDisplayString(NameFormat));
        }

        return new CrmType(CrmTypeKind.Error, named.ToDisplayString(NameFormat));
    }

    /// <summary>True when the class carries <c>[CrmGen.UnifiedModel]</c>.</summary>
    public bool IsUnifiedModel(INamedTypeSymbol type)
    {
        if (_unifiedModelAttribute is null) return false;
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _unifiedModelAttribute)) return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="type"/> is declared directly in the namespace <c>parts[0].parts[1]…</c>.</summary>
    public static bool IsInNamespace(ISymbol type, params string[] parts)
    {
        if (type.ContainingType is not null) return false;
        var ns = type.ContainingNamespace;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i]) return false;
            ns = ns.ContainingNamespace;
        }
        return ns is null || ns.IsGlobalNamespace;
    }
}
