using CrmGen.Generator.Binding;

namespace CrmGen.Generator.Emit;

/// <summary>How mapping-language types look in generated C#.</summary>
internal static class CrmTypes
{
    public static readonly CrmType CustomFields = new(CrmTypeKind.CustomFields, "global::System.Collections.Generic.Dictionary<string, object?>");

    /// <summary>True for types that are C# value types (nullable as <c>Nullable&lt;T&gt;</c>).</summary>
    public static bool IsValueType(CrmType type) => type.Kind is CrmTypeKind.Integer or CrmTypeKind.Decimal or CrmTypeKind.Double
        or CrmTypeKind.Boolean or CrmTypeKind.DateTime;

    /// <summary>True for scalar types a JSON value can be read as directly.</summary>
    public static bool IsScalar(CrmType type) => type.Kind is CrmTypeKind.String or CrmTypeKind.Integer or CrmTypeKind.Decimal
        or CrmTypeKind.Double or CrmTypeKind.Boolean or CrmTypeKind.DateTime;

    /// <summary>The fully qualified C# type, without nullable annotation.</summary>
    public static string CSharp(CrmType type) => type.Kind switch
    {
        CrmTypeKind.String => "string",
        CrmTypeKind.Integer => type.CSharpName == "int" ? "int" : "long",
        CrmTypeKind.Decimal => "decimal",
        CrmTypeKind.Double => "double",
        CrmTypeKind.Boolean => "bool",
        CrmTypeKind.DateTime => "global::System.DateTimeOffset",
        CrmTypeKind.Model => CSharpText.Global(type.CSharpName),
        CrmTypeKind.List => "global::System.Collections.Generic.List<" + (type.Element is null ? "object" : CSharp(type.Element)) + ">",
        CrmTypeKind.CustomFields => "global::System.Collections.Generic.Dictionary<string, object?>",
        CrmTypeKind.RemoteData => "global::CrmGen.RawJson",
        _ => "object",
    };

    /// <summary>A list of the given element type.</summary>
    public static CrmType ListOf(CrmType element) => new(CrmTypeKind.List, CSharp(new CrmType(CrmTypeKind.List, "", element)), element);

    /// <summary>Same C# type (ignoring the spelling of the binder's names).</summary>
    public static bool Same(CrmType a, CrmType b) => CSharp(a) == CSharp(b);
}
