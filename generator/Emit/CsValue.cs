using CrmGen.Generator.Binding;

namespace CrmGen.Generator.Emit;

/// <summary>
/// An emitted C# expression: its code, the mapping-language type it has, and whether it can be
/// null at run time (literals, object constructions and comparisons cannot).
/// </summary>
internal sealed record CsValue(string Code, CrmType Type, bool MayBeNull)
{
    public static CsValue Null(CrmType type) => new("null", type, true);

    /// <summary>The C# type, nullable (<c>string?</c>, <c>long?</c>).</summary>
    public string NullableTypeName => CrmTypes.CSharp(Type) + "?";
}
